using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Licensing.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class Renewals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "RenewalOf",
                schema: "licensing",
                table: "application",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RenewalOfLicenceCode",
                schema: "licensing",
                table: "application",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RenewalOfNumber",
                schema: "licensing",
                table: "application",
                type: "character varying(24)",
                maxLength: 24,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_application_RenewalOf_RenewalOfLicenceCode",
                schema: "licensing",
                table: "application",
                columns: new[] { "RenewalOf", "RenewalOfLicenceCode" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_application_RenewalOf_RenewalOfLicenceCode",
                schema: "licensing",
                table: "application");

            migrationBuilder.DropColumn(
                name: "RenewalOf",
                schema: "licensing",
                table: "application");

            migrationBuilder.DropColumn(
                name: "RenewalOfLicenceCode",
                schema: "licensing",
                table: "application");

            migrationBuilder.DropColumn(
                name: "RenewalOfNumber",
                schema: "licensing",
                table: "application");
        }
    }
}
