using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Documents.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "documents_document",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AgencyCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    LicenceCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApplicationNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    HolderCitizenId = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    HolderJuristicId = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    HolderName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    BusinessName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    PremisesAddress = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AmountSatang = table.Column<long>(type: "INTEGER", nullable: true),
                    TitleTh = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ValidFrom = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ValidUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    KeyThumbprint = table.Column<string>(type: "TEXT", maxLength: 43, nullable: false),
                    StatusList = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StatusReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    StatusChangedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StatusChangedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Credential = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_documents_document", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "documents_inbox",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Consumer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_documents_inbox", x => new { x.MessageId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "documents_issuer_key",
                columns: table => new
                {
                    Thumbprint = table.Column<string>(type: "TEXT", maxLength: 43, nullable: false),
                    AgencyCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    X = table.Column<string>(type: "TEXT", maxLength: 43, nullable: false),
                    Y = table.Column<string>(type: "TEXT", maxLength: 43, nullable: false),
                    ProtectedPrivateKey = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RetiredAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_documents_issuer_key", x => x.Thumbprint);
                });

            migrationBuilder.CreateTable(
                name: "documents_licence_to_issue",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LicenceCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    AgencyCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    HolderCitizenId = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    HolderJuristicId = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    HolderName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    BusinessName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    PremisesAddress = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_documents_licence_to_issue", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "documents_outbox",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LockedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LockedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_documents_outbox", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "documents_paid_application",
                columns: table => new
                {
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InvoiceNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReceiptNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    PaidAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_documents_paid_application", x => x.ApplicationId);
                });

            migrationBuilder.CreateTable(
                name: "documents_status_list",
                columns: table => new
                {
                    AgencyCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Used = table.Column<int>(type: "INTEGER", nullable: false),
                    Revoked = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Suspended = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_documents_status_list", x => new { x.AgencyCode, x.Number });
                });

            migrationBuilder.CreateIndex(
                name: "IX_documents_document_AgencyCode_IssuedAt",
                table: "documents_document",
                columns: new[] { "AgencyCode", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_documents_document_AgencyCode_StatusList_StatusIndex",
                table: "documents_document",
                columns: new[] { "AgencyCode", "StatusList", "StatusIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_documents_document_HolderCitizenId_IssuedAt",
                table: "documents_document",
                columns: new[] { "HolderCitizenId", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_documents_document_HolderJuristicId_IssuedAt",
                table: "documents_document",
                columns: new[] { "HolderJuristicId", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_documents_document_Number",
                table: "documents_document",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_documents_issuer_key_AgencyCode",
                table: "documents_issuer_key",
                column: "AgencyCode",
                unique: true,
                filter: "\"RetiredAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_documents_licence_to_issue_ApplicationId_LicenceCode",
                table: "documents_licence_to_issue",
                columns: new[] { "ApplicationId", "LicenceCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_documents_outbox_Id",
                table: "documents_outbox",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_documents_outbox_ProcessedAt_Sequence",
                table: "documents_outbox",
                columns: new[] { "ProcessedAt", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "documents_document");

            migrationBuilder.DropTable(
                name: "documents_inbox");

            migrationBuilder.DropTable(
                name: "documents_issuer_key");

            migrationBuilder.DropTable(
                name: "documents_licence_to_issue");

            migrationBuilder.DropTable(
                name: "documents_outbox");

            migrationBuilder.DropTable(
                name: "documents_paid_application");

            migrationBuilder.DropTable(
                name: "documents_status_list");
        }
    }
}
