using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Licensing.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Renewals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "RenewalOf",
                table: "licensing_application",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RenewalOfLicenceCode",
                table: "licensing_application",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RenewalOfNumber",
                table: "licensing_application",
                type: "TEXT",
                maxLength: 24,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_licensing_application_RenewalOf_RenewalOfLicenceCode",
                table: "licensing_application",
                columns: new[] { "RenewalOf", "RenewalOfLicenceCode" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_licensing_application_RenewalOf_RenewalOfLicenceCode",
                table: "licensing_application");

            migrationBuilder.DropColumn(
                name: "RenewalOf",
                table: "licensing_application");

            migrationBuilder.DropColumn(
                name: "RenewalOfLicenceCode",
                table: "licensing_application");

            migrationBuilder.DropColumn(
                name: "RenewalOfNumber",
                table: "licensing_application");
        }
    }
}
