using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Exchange.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class DropUnusedMessageLogIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_exchange_message_log_DataSubject",
                table: "exchange_message_log");

            migrationBuilder.DropIndex(
                name: "IX_exchange_message_log_Time",
                table: "exchange_message_log");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_exchange_message_log_DataSubject",
                table: "exchange_message_log",
                column: "DataSubject");

            migrationBuilder.CreateIndex(
                name: "IX_exchange_message_log_Time",
                table: "exchange_message_log",
                column: "Time");
        }
    }
}
