using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Exchange.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class MessageLogLegalBasis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LegalBasis",
                table: "exchange_message_log",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LegalBasis",
                table: "exchange_message_log");
        }
    }
}
