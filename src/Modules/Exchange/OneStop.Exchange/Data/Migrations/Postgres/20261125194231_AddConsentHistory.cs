using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Exchange.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class AddConsentHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "consent_event",
                schema: "exchange",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    ConsentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DataSubject = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    ClientId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ServiceId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consent_event", x => x.Sequence);
                });

            migrationBuilder.CreateIndex(
                name: "IX_consent_event_ConsentId",
                schema: "exchange",
                table: "consent_event",
                column: "ConsentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "consent_event",
                schema: "exchange");
        }
    }
}
