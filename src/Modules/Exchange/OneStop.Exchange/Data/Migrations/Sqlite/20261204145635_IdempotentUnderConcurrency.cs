using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Exchange.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class IdempotentUnderConcurrency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_exchange_access_right_ClientId_ServiceId",
                table: "exchange_access_right");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "exchange_subsystem",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "exchange_service",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "exchange_member",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ActiveKey",
                table: "exchange_consent",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_exchange_consent_ActiveKey",
                table: "exchange_consent",
                column: "ActiveKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_exchange_access_right_ClientId_ServiceId_Method_Path",
                table: "exchange_access_right",
                columns: new[] { "ClientId", "ServiceId", "Method", "Path" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_exchange_consent_ActiveKey",
                table: "exchange_consent");

            migrationBuilder.DropIndex(
                name: "IX_exchange_access_right_ClientId_ServiceId_Method_Path",
                table: "exchange_access_right");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "exchange_subsystem");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "exchange_service");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "exchange_member");

            migrationBuilder.DropColumn(
                name: "ActiveKey",
                table: "exchange_consent");

            migrationBuilder.CreateIndex(
                name: "IX_exchange_access_right_ClientId_ServiceId",
                table: "exchange_access_right",
                columns: new[] { "ClientId", "ServiceId" });
        }
    }
}
