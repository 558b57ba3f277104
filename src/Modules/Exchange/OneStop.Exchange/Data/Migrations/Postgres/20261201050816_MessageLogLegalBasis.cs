using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Exchange.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class MessageLogLegalBasis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LegalBasis",
                schema: "exchange",
                table: "message_log",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LegalBasis",
                schema: "exchange",
                table: "message_log");
        }
    }
}
