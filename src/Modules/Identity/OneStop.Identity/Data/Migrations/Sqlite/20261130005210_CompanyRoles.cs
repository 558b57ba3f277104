using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Identity.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class CompanyRoles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "identity_company_role",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JuristicId = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    CompanyName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    GrantedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    GrantedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_company_role", x => x.Id);
                    table.ForeignKey(
                        name: "FK_identity_company_role_identity_account_AccountId",
                        column: x => x.AccountId,
                        principalTable: "identity_account",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_identity_company_role_AccountId_JuristicId",
                table: "identity_company_role",
                columns: new[] { "AccountId", "JuristicId" });

            migrationBuilder.CreateIndex(
                name: "IX_identity_company_role_JuristicId",
                table: "identity_company_role",
                column: "JuristicId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "identity_company_role");
        }
    }
}
