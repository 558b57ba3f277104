using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Exchange.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class MemberClients : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_access_right_subsystem_ClientId",
                schema: "exchange",
                table: "access_right");

            migrationBuilder.AddColumn<List<string>>(
                name: "AllowedAddresses",
                schema: "exchange",
                table: "member",
                type: "text[]",
                nullable: false,
                defaultValueSql: "ARRAY[]::text[]");

            // The default only fills the members there are; the model has none.
            migrationBuilder.Sql("ALTER TABLE \"exchange\".\"member\" ALTER COLUMN \"AllowedAddresses\" DROP DEFAULT;");

            migrationBuilder.AddColumn<string>(
                name: "ClientCertificateThumbprint",
                schema: "exchange",
                table: "member",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConnectionType",
                schema: "exchange",
                table: "member",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OAuthClientId",
                schema: "exchange",
                table: "member",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClientMemberId",
                schema: "exchange",
                table: "access_right",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClientSubsystemId",
                schema: "exchange",
                table: "access_right",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            // Every right so far names a subsystem (the old key): it keeps it, now in the subsystem's column,
            // before the check that a right names exactly one subsystem or member holds.
            migrationBuilder.Sql("UPDATE \"exchange\".\"access_right\" SET \"ClientSubsystemId\" = \"ClientId\";");

            migrationBuilder.CreateIndex(
                name: "IX_access_right_ClientMemberId",
                schema: "exchange",
                table: "access_right",
                column: "ClientMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_access_right_ClientSubsystemId",
                schema: "exchange",
                table: "access_right",
                column: "ClientSubsystemId");

            migrationBuilder.AddCheckConstraint(
                name: "CK_access_right_client",
                schema: "exchange",
                table: "access_right",
                sql: "(\"ClientSubsystemId\" IS NULL) <> (\"ClientMemberId\" IS NULL) AND COALESCE(\"ClientSubsystemId\", \"ClientMemberId\") = \"ClientId\" ");

            migrationBuilder.AddForeignKey(
                name: "FK_access_right_member_ClientMemberId",
                schema: "exchange",
                table: "access_right",
                column: "ClientMemberId",
                principalSchema: "exchange",
                principalTable: "member",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_access_right_subsystem_ClientSubsystemId",
                schema: "exchange",
                table: "access_right",
                column: "ClientSubsystemId",
                principalSchema: "exchange",
                principalTable: "subsystem",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The older model grants rights to subsystems only: members' rights cannot go back with it.
            migrationBuilder.Sql("DELETE FROM \"exchange\".\"access_right\" WHERE \"ClientMemberId\" IS NOT NULL;");

            migrationBuilder.DropForeignKey(
                name: "FK_access_right_member_ClientMemberId",
                schema: "exchange",
                table: "access_right");

            migrationBuilder.DropForeignKey(
                name: "FK_access_right_subsystem_ClientSubsystemId",
                schema: "exchange",
                table: "access_right");

            migrationBuilder.DropIndex(
                name: "IX_access_right_ClientMemberId",
                schema: "exchange",
                table: "access_right");

            migrationBuilder.DropIndex(
                name: "IX_access_right_ClientSubsystemId",
                schema: "exchange",
                table: "access_right");

            migrationBuilder.DropCheckConstraint(
                name: "CK_access_right_client",
                schema: "exchange",
                table: "access_right");

            migrationBuilder.DropColumn(
                name: "AllowedAddresses",
                schema: "exchange",
                table: "member");

            migrationBuilder.DropColumn(
                name: "ClientCertificateThumbprint",
                schema: "exchange",
                table: "member");

            migrationBuilder.DropColumn(
                name: "ConnectionType",
                schema: "exchange",
                table: "member");

            migrationBuilder.DropColumn(
                name: "OAuthClientId",
                schema: "exchange",
                table: "member");

            migrationBuilder.DropColumn(
                name: "ClientMemberId",
                schema: "exchange",
                table: "access_right");

            migrationBuilder.DropColumn(
                name: "ClientSubsystemId",
                schema: "exchange",
                table: "access_right");

            migrationBuilder.AddForeignKey(
                name: "FK_access_right_subsystem_ClientId",
                schema: "exchange",
                table: "access_right",
                column: "ClientId",
                principalSchema: "exchange",
                principalTable: "subsystem",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
