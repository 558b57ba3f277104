using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Exchange.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class DropUnusedMessageLogIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_message_log_DataSubject",
                schema: "exchange",
                table: "message_log");

            migrationBuilder.DropIndex(
                name: "IX_message_log_Time",
                schema: "exchange",
                table: "message_log");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_message_log_DataSubject",
                schema: "exchange",
                table: "message_log",
                column: "DataSubject");

            migrationBuilder.CreateIndex(
                name: "IX_message_log_Time",
                schema: "exchange",
                table: "message_log",
                column: "Time");
        }
    }
}
