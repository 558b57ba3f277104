using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Exchange.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class MemberClients : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_exchange_access_right_exchange_subsystem_ClientId",
                table: "exchange_access_right");

            migrationBuilder.AddColumn<string>(
                name: "AllowedAddresses",
                table: "exchange_member",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "ClientCertificateThumbprint",
                table: "exchange_member",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConnectionType",
                table: "exchange_member",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OAuthClientId",
                table: "exchange_member",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClientMemberId",
                table: "exchange_access_right",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClientSubsystemId",
                table: "exchange_access_right",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            // Every right so far names a subsystem (the old key): it keeps it, now in the subsystem's column,
            // before the check that a right names exactly one subsystem or member holds.
            migrationBuilder.Sql("UPDATE \"exchange_access_right\" SET \"ClientSubsystemId\" = \"ClientId\";");

            migrationBuilder.CreateIndex(
                name: "IX_exchange_access_right_ClientMemberId",
                table: "exchange_access_right",
                column: "ClientMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_exchange_access_right_ClientSubsystemId",
                table: "exchange_access_right",
                column: "ClientSubsystemId");

            migrationBuilder.AddCheckConstraint(
                name: "CK_access_right_client",
                table: "exchange_access_right",
                sql: "(\"ClientSubsystemId\" IS NULL) <> (\"ClientMemberId\" IS NULL) AND COALESCE(\"ClientSubsystemId\", \"ClientMemberId\") = \"ClientId\" ");

            migrationBuilder.AddForeignKey(
                name: "FK_exchange_access_right_exchange_member_ClientMemberId",
                table: "exchange_access_right",
                column: "ClientMemberId",
                principalTable: "exchange_member",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_exchange_access_right_exchange_subsystem_ClientSubsystemId",
                table: "exchange_access_right",
                column: "ClientSubsystemId",
                principalTable: "exchange_subsystem",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The older model grants rights to subsystems only: members' rights cannot go back with it.
            migrationBuilder.Sql("DELETE FROM \"exchange_access_right\" WHERE \"ClientMemberId\" IS NOT NULL;");

            migrationBuilder.DropForeignKey(
                name: "FK_exchange_access_right_exchange_member_ClientMemberId",
                table: "exchange_access_right");

            migrationBuilder.DropForeignKey(
                name: "FK_exchange_access_right_exchange_subsystem_ClientSubsystemId",
                table: "exchange_access_right");

            migrationBuilder.DropIndex(
                name: "IX_exchange_access_right_ClientMemberId",
                table: "exchange_access_right");

            migrationBuilder.DropIndex(
                name: "IX_exchange_access_right_ClientSubsystemId",
                table: "exchange_access_right");

            migrationBuilder.DropCheckConstraint(
                name: "CK_access_right_client",
                table: "exchange_access_right");

            migrationBuilder.DropColumn(
                name: "AllowedAddresses",
                table: "exchange_member");

            migrationBuilder.DropColumn(
                name: "ClientCertificateThumbprint",
                table: "exchange_member");

            migrationBuilder.DropColumn(
                name: "ConnectionType",
                table: "exchange_member");

            migrationBuilder.DropColumn(
                name: "OAuthClientId",
                table: "exchange_member");

            migrationBuilder.DropColumn(
                name: "ClientMemberId",
                table: "exchange_access_right");

            migrationBuilder.DropColumn(
                name: "ClientSubsystemId",
                table: "exchange_access_right");

            migrationBuilder.AddForeignKey(
                name: "FK_exchange_access_right_exchange_subsystem_ClientId",
                table: "exchange_access_right",
                column: "ClientId",
                principalTable: "exchange_subsystem",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
