using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OneStop.Payments.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "payments");

            migrationBuilder.CreateTable(
                name: "decided_application",
                schema: "payments",
                columns: table => new
                {
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationNumber = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    ApprovedLicences = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decided_application", x => x.ApplicationId);
                });

            migrationBuilder.CreateTable(
                name: "gateway_notification",
                schema: "payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Gateway = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MessageId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    TransactionId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    BankStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    InvoiceNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    AmountSatang = table.Column<long>(type: "bigint", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Detail = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    PaymentId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gateway_notification", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inbox",
                schema: "payments",
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
                name: "invoice",
                schema: "payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Reference = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    PayerCitizenId = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    PayerJuristicId = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    PayerName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TitleTh = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    RaisedBy = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    AmountSatang = table.Column<long>(type: "bigint", nullable: false),
                    DiscountSatang = table.Column<long>(type: "bigint", nullable: false),
                    RefundedSatang = table.Column<long>(type: "bigint", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PaidAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoice", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "licence_charge",
                schema: "payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationNumber = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    LicenceCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    AgencyCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    AmountSatang = table.Column<long>(type: "bigint", nullable: false),
                    StandardSatang = table.Column<long>(type: "bigint", nullable: false),
                    PayerCitizenId = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    PayerJuristicId = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    PayerName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_licence_charge", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                schema: "payments",
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
                name: "receipt",
                schema: "payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    InvoiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    PaymentId = table.Column<Guid>(type: "uuid", nullable: false),
                    InvoiceNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PayerCitizenId = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    PayerJuristicId = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    PayerName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    AmountSatang = table.Column<long>(type: "bigint", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_receipt", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reconciliation",
                schema: "payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FileHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ImportedBy = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    Matched = table.Column<int>(type: "integer", nullable: false),
                    Mismatched = table.Column<int>(type: "integer", nullable: false),
                    Unmatched = table.Column<int>(type: "integer", nullable: false),
                    Missing = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reconciliation", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "invoice_event",
                schema: "payments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InvoiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoice_event", x => x.Id);
                    table.ForeignKey(
                        name: "FK_invoice_event_invoice_InvoiceId",
                        column: x => x.InvoiceId,
                        principalSchema: "payments",
                        principalTable: "invoice",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "invoice_line",
                schema: "payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InvoiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ItemCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    DescriptionTh = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DescriptionEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    StandardSatang = table.Column<long>(type: "bigint", nullable: false),
                    AmountSatang = table.Column<long>(type: "bigint", nullable: false),
                    RefundedSatang = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoice_line", x => x.Id);
                    table.ForeignKey(
                        name: "FK_invoice_line_invoice_InvoiceId",
                        column: x => x.InvoiceId,
                        principalSchema: "payments",
                        principalTable: "invoice",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "payment",
                schema: "payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InvoiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AmountSatang = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    QrPayload = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Gateway = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    TransactionId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PaidAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FailureReason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    RefundedSatang = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_payment_invoice_InvoiceId",
                        column: x => x.InvoiceId,
                        principalSchema: "payments",
                        principalTable: "invoice",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reconciliation_item",
                schema: "payments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Line = table.Column<int>(type: "integer", nullable: true),
                    TransactionId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Reference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    StatementSatang = table.Column<long>(type: "bigint", nullable: true),
                    RecordedSatang = table.Column<long>(type: "bigint", nullable: true),
                    PaymentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Note = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reconciliation_item", x => x.Id);
                    table.ForeignKey(
                        name: "FK_reconciliation_item_reconciliation_RunId",
                        column: x => x.RunId,
                        principalSchema: "payments",
                        principalTable: "reconciliation",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "refund",
                schema: "payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PaymentId = table.Column<Guid>(type: "uuid", nullable: false),
                    InvoiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    AmountSatang = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    GatewayReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_refund", x => x.Id);
                    table.ForeignKey(
                        name: "FK_refund_payment_PaymentId",
                        column: x => x.PaymentId,
                        principalSchema: "payments",
                        principalTable: "payment",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_gateway_notification_Gateway_TransactionId_BankStatus",
                schema: "payments",
                table: "gateway_notification",
                columns: new[] { "Gateway", "TransactionId", "BankStatus" },
                unique: true,
                filter: "\"Outcome\" = 'Accepted'");

            migrationBuilder.CreateIndex(
                name: "IX_gateway_notification_ReceivedAt",
                schema: "payments",
                table: "gateway_notification",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_invoice_ApplicationId",
                schema: "payments",
                table: "invoice",
                column: "ApplicationId",
                unique: true,
                filter: "\"ApplicationId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_invoice_Number",
                schema: "payments",
                table: "invoice",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_invoice_PayerCitizenId_CreatedAt",
                schema: "payments",
                table: "invoice",
                columns: new[] { "PayerCitizenId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_invoice_PayerJuristicId_CreatedAt",
                schema: "payments",
                table: "invoice",
                columns: new[] { "PayerJuristicId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_invoice_RaisedBy_Reference",
                schema: "payments",
                table: "invoice",
                columns: new[] { "RaisedBy", "Reference" },
                unique: true,
                filter: "\"RaisedBy\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_invoice_Status_DueOn",
                schema: "payments",
                table: "invoice",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_invoice_event_InvoiceId_Id",
                schema: "payments",
                table: "invoice_event",
                columns: new[] { "InvoiceId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_invoice_line_AgencyCode",
                schema: "payments",
                table: "invoice_line",
                column: "AgencyCode");

            migrationBuilder.CreateIndex(
                name: "IX_invoice_line_InvoiceId",
                schema: "payments",
                table: "invoice_line",
                column: "InvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_licence_charge_ApplicationId_LicenceCode",
                schema: "payments",
                table: "licence_charge",
                columns: new[] { "ApplicationId", "LicenceCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_Id",
                schema: "payments",
                table: "outbox",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_ProcessedAt_Sequence",
                schema: "payments",
                table: "outbox",
                columns: new[] { "ProcessedAt", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_payment_Gateway_TransactionId",
                schema: "payments",
                table: "payment",
                columns: new[] { "Gateway", "TransactionId" },
                unique: true,
                filter: "\"TransactionId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_payment_InvoiceId_Reference",
                schema: "payments",
                table: "payment",
                columns: new[] { "InvoiceId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payment_PaidAt",
                schema: "payments",
                table: "payment",
                column: "PaidAt");

            migrationBuilder.CreateIndex(
                name: "IX_payment_Status_ExpiresAt",
                schema: "payments",
                table: "payment",
                columns: new[] { "Status", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_receipt_InvoiceId",
                schema: "payments",
                table: "receipt",
                column: "InvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_receipt_Number",
                schema: "payments",
                table: "receipt",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_receipt_PaymentId",
                schema: "payments",
                table: "receipt",
                column: "PaymentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reconciliation_FileHash",
                schema: "payments",
                table: "reconciliation",
                column: "FileHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reconciliation_item_RunId",
                schema: "payments",
                table: "reconciliation_item",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_refund_PaymentId",
                schema: "payments",
                table: "refund",
                column: "PaymentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "decided_application",
                schema: "payments");

            migrationBuilder.DropTable(
                name: "gateway_notification",
                schema: "payments");

            migrationBuilder.DropTable(
                name: "inbox",
                schema: "payments");

            migrationBuilder.DropTable(
                name: "invoice_event",
                schema: "payments");

            migrationBuilder.DropTable(
                name: "invoice_line",
                schema: "payments");

            migrationBuilder.DropTable(
                name: "licence_charge",
                schema: "payments");

            migrationBuilder.DropTable(
                name: "outbox",
                schema: "payments");

            migrationBuilder.DropTable(
                name: "receipt",
                schema: "payments");

            migrationBuilder.DropTable(
                name: "reconciliation_item",
                schema: "payments");

            migrationBuilder.DropTable(
                name: "refund",
                schema: "payments");

            migrationBuilder.DropTable(
                name: "reconciliation",
                schema: "payments");

            migrationBuilder.DropTable(
                name: "payment",
                schema: "payments");

            migrationBuilder.DropTable(
                name: "invoice",
                schema: "payments");
        }
    }
}
