using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Exchange.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class PersonalDataReadSequence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "exchange_personal_data_read",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisclosedSubjects",
                table: "exchange_message_log",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_exchange_personal_data_read_Sequence",
                table: "exchange_personal_data_read",
                column: "Sequence");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_exchange_personal_data_read_Sequence",
                table: "exchange_personal_data_read");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "exchange_personal_data_read");

            migrationBuilder.DropColumn(
                name: "DisclosedSubjects",
                table: "exchange_message_log");
        }
    }
}
