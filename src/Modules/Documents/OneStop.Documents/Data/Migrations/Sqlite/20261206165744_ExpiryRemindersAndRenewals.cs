using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Documents.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class ExpiryRemindersAndRenewals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "RenewalOf",
                table: "documents_licence_to_issue",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RemindedDaysBefore",
                table: "documents_document",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RenewalOf",
                table: "documents_licence_to_issue");

            migrationBuilder.DropColumn(
                name: "RemindedDaysBefore",
                table: "documents_document");
        }
    }
}
