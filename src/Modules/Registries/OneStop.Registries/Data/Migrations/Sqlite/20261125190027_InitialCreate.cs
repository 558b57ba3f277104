using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Registries.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "registries_company",
                columns: table => new
                {
                    JuristicId = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    NameTh = table.Column<string>(type: "TEXT", nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CapitalSatang = table.Column<long>(type: "INTEGER", nullable: false),
                    Objectives = table.Column<string>(type: "TEXT", nullable: false),
                    Address_DistrictCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Address_DistrictTh = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Address_HouseNo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Address_Moo = table.Column<int>(type: "INTEGER", nullable: true),
                    Address_Postcode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Address_ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Address_ProvinceEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Address_ProvinceTh = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Address_Road = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Address_Soi = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Address_SubdistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Address_SubdistrictTh = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registries_company", x => x.JuristicId);
                });

            migrationBuilder.CreateTable(
                name: "registries_inbox",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Consumer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registries_inbox", x => new { x.MessageId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "registries_outbox",
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
                    table.PrimaryKey("PK_registries_outbox", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "registries_person",
                columns: table => new
                {
                    CitizenId = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    TitleTh = table.Column<string>(type: "TEXT", nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", nullable: false),
                    GivenNameTh = table.Column<string>(type: "TEXT", nullable: false),
                    FamilyNameTh = table.Column<string>(type: "TEXT", nullable: false),
                    GivenNameEn = table.Column<string>(type: "TEXT", nullable: false),
                    FamilyNameEn = table.Column<string>(type: "TEXT", nullable: false),
                    Gender = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Nationality = table.Column<string>(type: "TEXT", nullable: false),
                    HouseId = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    LaserCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    CardIssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CardExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Address_DistrictCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Address_DistrictTh = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Address_HouseNo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Address_Moo = table.Column<int>(type: "INTEGER", nullable: true),
                    Address_Postcode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Address_ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Address_ProvinceEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Address_ProvinceTh = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Address_Road = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Address_Soi = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Address_SubdistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Address_SubdistrictTh = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registries_person", x => x.CitizenId);
                });

            migrationBuilder.CreateTable(
                name: "registries_company_director",
                columns: table => new
                {
                    JuristicId = table.Column<string>(type: "TEXT", nullable: false),
                    CitizenId = table.Column<string>(type: "TEXT", nullable: false),
                    MaySign = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registries_company_director", x => new { x.JuristicId, x.CitizenId });
                    table.ForeignKey(
                        name: "FK_registries_company_director_registries_company_JuristicId",
                        column: x => x.JuristicId,
                        principalTable: "registries_company",
                        principalColumn: "JuristicId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "registries_trader",
                columns: table => new
                {
                    JuristicId = table.Column<string>(type: "TEXT", nullable: false),
                    CustomsStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PermittedGoods = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registries_trader", x => x.JuristicId);
                    table.ForeignKey(
                        name: "FK_registries_trader_registries_company_JuristicId",
                        column: x => x.JuristicId,
                        principalTable: "registries_company",
                        principalColumn: "JuristicId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_registries_company_director_CitizenId",
                table: "registries_company_director",
                column: "CitizenId");

            migrationBuilder.CreateIndex(
                name: "IX_registries_outbox_Id",
                table: "registries_outbox",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_registries_outbox_ProcessedAt_Sequence",
                table: "registries_outbox",
                columns: new[] { "ProcessedAt", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_registries_person_HouseId",
                table: "registries_person",
                column: "HouseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "registries_company_director");

            migrationBuilder.DropTable(
                name: "registries_inbox");

            migrationBuilder.DropTable(
                name: "registries_outbox");

            migrationBuilder.DropTable(
                name: "registries_person");

            migrationBuilder.DropTable(
                name: "registries_trader");

            migrationBuilder.DropTable(
                name: "registries_company");
        }
    }
}
