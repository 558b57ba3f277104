using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Exchange.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class IdempotentUnderConcurrency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_access_right_ClientId_ServiceId",
                schema: "exchange",
                table: "access_right");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                schema: "exchange",
                table: "subsystem",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                schema: "exchange",
                table: "service",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                schema: "exchange",
                table: "member",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ActiveKey",
                schema: "exchange",
                table: "consent",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_consent_ActiveKey",
                schema: "exchange",
                table: "consent",
                column: "ActiveKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_access_right_ClientId_ServiceId_Method_Path",
                schema: "exchange",
                table: "access_right",
                columns: new[] { "ClientId", "ServiceId", "Method", "Path" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_consent_ActiveKey",
                schema: "exchange",
                table: "consent");

            migrationBuilder.DropIndex(
                name: "IX_access_right_ClientId_ServiceId_Method_Path",
                schema: "exchange",
                table: "access_right");

            migrationBuilder.DropColumn(
                name: "Version",
                schema: "exchange",
                table: "subsystem");

            migrationBuilder.DropColumn(
                name: "Version",
                schema: "exchange",
                table: "service");

            migrationBuilder.DropColumn(
                name: "Version",
                schema: "exchange",
                table: "member");

            migrationBuilder.DropColumn(
                name: "ActiveKey",
                schema: "exchange",
                table: "consent");

            migrationBuilder.CreateIndex(
                name: "IX_access_right_ClientId_ServiceId",
                schema: "exchange",
                table: "access_right",
                columns: new[] { "ClientId", "ServiceId" });
        }
    }
}
