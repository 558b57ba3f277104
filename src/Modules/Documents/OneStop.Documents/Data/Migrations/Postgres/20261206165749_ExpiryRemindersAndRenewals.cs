using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Documents.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class ExpiryRemindersAndRenewals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "RenewalOf",
                schema: "documents",
                table: "licence_to_issue",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RemindedDaysBefore",
                schema: "documents",
                table: "document",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RenewalOf",
                schema: "documents",
                table: "licence_to_issue");

            migrationBuilder.DropColumn(
                name: "RemindedDaysBefore",
                schema: "documents",
                table: "document");
        }
    }
}
