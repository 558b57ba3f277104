using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OneStop.Agencies.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "agencies");

            migrationBuilder.CreateTable(
                name: "agency",
                schema: "agencies",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Abbreviation = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    NameTh = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    LocalGovernmentKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ParentCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    ProvinceCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agency", x => x.Code);
                    table.ForeignKey(
                        name: "FK_agency_agency_ParentCode",
                        column: x => x.ParentCode,
                        principalSchema: "agencies",
                        principalTable: "agency",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "holiday",
                schema: "agencies",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    NameTh = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_holiday", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "inbox",
                schema: "agencies",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox", x => new { x.MessageId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "officer_role",
                schema: "agencies",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    NameTh = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DescriptionTh = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    DescriptionEn = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_officer_role", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                schema: "agencies",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LockedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LockedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "office",
                schema: "agencies",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AgencyCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    NameTh = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    DistrictCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_office", x => x.Code);
                    table.ForeignKey(
                        name: "FK_office_agency_AgencyCode",
                        column: x => x.AgencyCode,
                        principalSchema: "agencies",
                        principalTable: "agency",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_agency_Kind",
                schema: "agencies",
                table: "agency",
                column: "Kind");

            migrationBuilder.CreateIndex(
                name: "IX_agency_ParentCode",
                schema: "agencies",
                table: "agency",
                column: "ParentCode");

            migrationBuilder.CreateIndex(
                name: "IX_office_AgencyCode_ProvinceCode",
                schema: "agencies",
                table: "office",
                columns: new[] { "AgencyCode", "ProvinceCode" });

            migrationBuilder.CreateIndex(
                name: "IX_office_ProvinceCode_DistrictCode",
                schema: "agencies",
                table: "office",
                columns: new[] { "ProvinceCode", "DistrictCode" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_Id",
                schema: "agencies",
                table: "outbox",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_ProcessedAt_Sequence",
                schema: "agencies",
                table: "outbox",
                columns: new[] { "ProcessedAt", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "holiday",
                schema: "agencies");

            migrationBuilder.DropTable(
                name: "inbox",
                schema: "agencies");

            migrationBuilder.DropTable(
                name: "office",
                schema: "agencies");

            migrationBuilder.DropTable(
                name: "officer_role",
                schema: "agencies");

            migrationBuilder.DropTable(
                name: "outbox",
                schema: "agencies");

            migrationBuilder.DropTable(
                name: "agency",
                schema: "agencies");
        }
    }
}
