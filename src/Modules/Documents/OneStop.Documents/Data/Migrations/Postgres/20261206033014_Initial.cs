using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OneStop.Documents.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "documents");

            migrationBuilder.CreateTable(
                name: "document",
                schema: "documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AgencyCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    LicenceCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: true),
                    ApplicationNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    HolderCitizenId = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    HolderJuristicId = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    HolderName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    BusinessName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    PremisesAddress = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AmountSatang = table.Column<long>(type: "bigint", nullable: true),
                    TitleTh = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ValidFrom = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ValidUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    IssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    KeyThumbprint = table.Column<string>(type: "character varying(43)", maxLength: 43, nullable: false),
                    StatusList = table.Column<int>(type: "integer", nullable: false),
                    StatusIndex = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StatusReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    StatusChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    StatusChangedBy = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Credential = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_document", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inbox",
                schema: "documents",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox", x => new { x.MessageId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "issuer_key",
                schema: "documents",
                columns: table => new
                {
                    Thumbprint = table.Column<string>(type: "character varying(43)", maxLength: 43, nullable: false),
                    AgencyCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    X = table.Column<string>(type: "character varying(43)", maxLength: 43, nullable: false),
                    Y = table.Column<string>(type: "character varying(43)", maxLength: 43, nullable: false),
                    ProtectedPrivateKey = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RetiredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_issuer_key", x => x.Thumbprint);
                });

            migrationBuilder.CreateTable(
                name: "licence_to_issue",
                schema: "documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LicenceCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    AgencyCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    HolderCitizenId = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    HolderJuristicId = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    HolderName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    BusinessName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    PremisesAddress = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DocumentNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_licence_to_issue", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                schema: "documents",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LockedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LockedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "paid_application",
                schema: "documents",
                columns: table => new
                {
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    InvoiceNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReceiptNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    PaidAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_paid_application", x => x.ApplicationId);
                });

            migrationBuilder.CreateTable(
                name: "status_list",
                schema: "documents",
                columns: table => new
                {
                    AgencyCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Used = table.Column<int>(type: "integer", nullable: false),
                    Revoked = table.Column<byte[]>(type: "bytea", nullable: false),
                    Suspended = table.Column<byte[]>(type: "bytea", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_status_list", x => new { x.AgencyCode, x.Number });
                });

            migrationBuilder.CreateIndex(
                name: "IX_document_AgencyCode_IssuedAt",
                schema: "documents",
                table: "document",
                columns: new[] { "AgencyCode", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_document_AgencyCode_StatusList_StatusIndex",
                schema: "documents",
                table: "document",
                columns: new[] { "AgencyCode", "StatusList", "StatusIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_document_HolderCitizenId_IssuedAt",
                schema: "documents",
                table: "document",
                columns: new[] { "HolderCitizenId", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_document_HolderJuristicId_IssuedAt",
                schema: "documents",
                table: "document",
                columns: new[] { "HolderJuristicId", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_document_Number",
                schema: "documents",
                table: "document",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_issuer_key_AgencyCode",
                schema: "documents",
                table: "issuer_key",
                column: "AgencyCode",
                unique: true,
                filter: "\"RetiredAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_licence_to_issue_ApplicationId_LicenceCode",
                schema: "documents",
                table: "licence_to_issue",
                columns: new[] { "ApplicationId", "LicenceCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_Id",
                schema: "documents",
                table: "outbox",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_ProcessedAt_Sequence",
                schema: "documents",
                table: "outbox",
                columns: new[] { "ProcessedAt", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "document",
                schema: "documents");

            migrationBuilder.DropTable(
                name: "inbox",
                schema: "documents");

            migrationBuilder.DropTable(
                name: "issuer_key",
                schema: "documents");

            migrationBuilder.DropTable(
                name: "licence_to_issue",
                schema: "documents");

            migrationBuilder.DropTable(
                name: "outbox",
                schema: "documents");

            migrationBuilder.DropTable(
                name: "paid_application",
                schema: "documents");

            migrationBuilder.DropTable(
                name: "status_list",
                schema: "documents");
        }
    }
}
