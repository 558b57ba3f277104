using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OneStop.Registries.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "registries");

            migrationBuilder.CreateTable(
                name: "company",
                schema: "registries",
                columns: table => new
                {
                    JuristicId = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    NameTh = table.Column<string>(type: "text", nullable: false),
                    NameEn = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CapitalSatang = table.Column<long>(type: "bigint", nullable: false),
                    Objectives = table.Column<List<string>>(type: "text[]", nullable: false),
                    Address_DistrictCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Address_DistrictTh = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Address_HouseNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Address_Moo = table.Column<int>(type: "integer", nullable: true),
                    Address_Postcode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Address_ProvinceCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Address_ProvinceEn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Address_ProvinceTh = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Address_Road = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Address_Soi = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Address_SubdistrictCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Address_SubdistrictTh = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_company", x => x.JuristicId);
                });

            migrationBuilder.CreateTable(
                name: "inbox",
                schema: "registries",
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
                name: "outbox",
                schema: "registries",
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
                name: "person",
                schema: "registries",
                columns: table => new
                {
                    CitizenId = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    TitleTh = table.Column<string>(type: "text", nullable: false),
                    TitleEn = table.Column<string>(type: "text", nullable: false),
                    GivenNameTh = table.Column<string>(type: "text", nullable: false),
                    FamilyNameTh = table.Column<string>(type: "text", nullable: false),
                    GivenNameEn = table.Column<string>(type: "text", nullable: false),
                    FamilyNameEn = table.Column<string>(type: "text", nullable: false),
                    Gender = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Nationality = table.Column<string>(type: "text", nullable: false),
                    HouseId = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    LaserCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    CardIssuedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CardExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Address_DistrictCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Address_DistrictTh = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Address_HouseNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Address_Moo = table.Column<int>(type: "integer", nullable: true),
                    Address_Postcode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Address_ProvinceCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Address_ProvinceEn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Address_ProvinceTh = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Address_Road = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Address_Soi = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Address_SubdistrictCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Address_SubdistrictTh = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_person", x => x.CitizenId);
                });

            migrationBuilder.CreateTable(
                name: "company_director",
                schema: "registries",
                columns: table => new
                {
                    JuristicId = table.Column<string>(type: "character varying(13)", nullable: false),
                    CitizenId = table.Column<string>(type: "text", nullable: false),
                    MaySign = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_company_director", x => new { x.JuristicId, x.CitizenId });
                    table.ForeignKey(
                        name: "FK_company_director_company_JuristicId",
                        column: x => x.JuristicId,
                        principalSchema: "registries",
                        principalTable: "company",
                        principalColumn: "JuristicId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "trader",
                schema: "registries",
                columns: table => new
                {
                    JuristicId = table.Column<string>(type: "character varying(13)", nullable: false),
                    CustomsStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PermittedGoods = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trader", x => x.JuristicId);
                    table.ForeignKey(
                        name: "FK_trader_company_JuristicId",
                        column: x => x.JuristicId,
                        principalSchema: "registries",
                        principalTable: "company",
                        principalColumn: "JuristicId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_company_director_CitizenId",
                schema: "registries",
                table: "company_director",
                column: "CitizenId");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_Id",
                schema: "registries",
                table: "outbox",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_ProcessedAt_Sequence",
                schema: "registries",
                table: "outbox",
                columns: new[] { "ProcessedAt", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_person_HouseId",
                schema: "registries",
                table: "person",
                column: "HouseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "company_director",
                schema: "registries");

            migrationBuilder.DropTable(
                name: "inbox",
                schema: "registries");

            migrationBuilder.DropTable(
                name: "outbox",
                schema: "registries");

            migrationBuilder.DropTable(
                name: "person",
                schema: "registries");

            migrationBuilder.DropTable(
                name: "trader",
                schema: "registries");

            migrationBuilder.DropTable(
                name: "company",
                schema: "registries");
        }
    }
}
