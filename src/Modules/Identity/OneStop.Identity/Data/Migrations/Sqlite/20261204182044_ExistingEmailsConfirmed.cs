using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Identity.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class ExistingEmailsConfirmed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Registration now confirms the e-mail address before the account can sign in; accounts opened
            // before that keep signing in, as they did.
            migrationBuilder.Sql("""
                UPDATE "identity_account" SET "EmailConfirmed" = 1 WHERE "Kind" = 'Person' AND "Email" IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: which addresses were confirmed before is not known.
        }
    }
}
