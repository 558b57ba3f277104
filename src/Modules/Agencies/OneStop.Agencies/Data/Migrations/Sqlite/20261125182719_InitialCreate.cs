using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Agencies.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "agencies_agency",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Abbreviation = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    NameTh = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LocalGovernmentKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ParentCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agencies_agency", x => x.Code);
                    table.ForeignKey(
                        name: "FK_agencies_agency_agencies_agency_ParentCode",
                        column: x => x.ParentCode,
                        principalTable: "agencies_agency",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "agencies_holiday",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NameTh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agencies_holiday", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "agencies_inbox",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Consumer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agencies_inbox", x => new { x.MessageId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "agencies_officer_role",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NameTh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DescriptionTh = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agencies_officer_role", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "agencies_outbox",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LockedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LockedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agencies_outbox", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "agencies_office",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AgencyCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    NameTh = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agencies_office", x => x.Code);
                    table.ForeignKey(
                        name: "FK_agencies_office_agencies_agency_AgencyCode",
                        column: x => x.AgencyCode,
                        principalTable: "agencies_agency",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_agencies_agency_Kind",
                table: "agencies_agency",
                column: "Kind");

            migrationBuilder.CreateIndex(
                name: "IX_agencies_agency_ParentCode",
                table: "agencies_agency",
                column: "ParentCode");

            migrationBuilder.CreateIndex(
                name: "IX_agencies_office_AgencyCode_ProvinceCode",
                table: "agencies_office",
                columns: new[] { "AgencyCode", "ProvinceCode" });

            migrationBuilder.CreateIndex(
                name: "IX_agencies_office_ProvinceCode_DistrictCode",
                table: "agencies_office",
                columns: new[] { "ProvinceCode", "DistrictCode" });

            migrationBuilder.CreateIndex(
                name: "IX_agencies_outbox_Id",
                table: "agencies_outbox",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_agencies_outbox_ProcessedAt_Sequence",
                table: "agencies_outbox",
                columns: new[] { "ProcessedAt", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agencies_holiday");

            migrationBuilder.DropTable(
                name: "agencies_inbox");

            migrationBuilder.DropTable(
                name: "agencies_office");

            migrationBuilder.DropTable(
                name: "agencies_officer_role");

            migrationBuilder.DropTable(
                name: "agencies_outbox");

            migrationBuilder.DropTable(
                name: "agencies_agency");
        }
    }
}
