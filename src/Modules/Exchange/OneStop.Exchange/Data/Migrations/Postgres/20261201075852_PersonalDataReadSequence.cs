using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Exchange.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class PersonalDataReadSequence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                schema: "exchange",
                table: "personal_data_read",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisclosedSubjects",
                schema: "exchange",
                table: "message_log",
                type: "text",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_personal_data_read_Sequence",
                schema: "exchange",
                table: "personal_data_read",
                column: "Sequence");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_personal_data_read_Sequence",
                schema: "exchange",
                table: "personal_data_read");

            migrationBuilder.DropColumn(
                name: "Sequence",
                schema: "exchange",
                table: "personal_data_read");

            migrationBuilder.DropColumn(
                name: "DisclosedSubjects",
                schema: "exchange",
                table: "message_log");
        }
    }
}
