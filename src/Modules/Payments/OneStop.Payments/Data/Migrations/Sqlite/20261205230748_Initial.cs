using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Payments.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "payments_decided_application",
                columns: table => new
                {
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationNumber = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ApprovedLicences = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments_decided_application", x => x.ApplicationId);
                });

            migrationBuilder.CreateTable(
                name: "payments_gateway_notification",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Gateway = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    TransactionId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    BankStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    InvoiceNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    AmountSatang = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    PaymentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments_gateway_notification", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "payments_inbox",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Consumer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments_inbox", x => new { x.MessageId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "payments_invoice",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    PayerCitizenId = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    PayerJuristicId = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    PayerName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleTh = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RaisedBy = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    AmountSatang = table.Column<long>(type: "INTEGER", nullable: false),
                    DiscountSatang = table.Column<long>(type: "INTEGER", nullable: false),
                    RefundedSatang = table.Column<long>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PaidAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments_invoice", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "payments_licence_charge",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationNumber = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    LicenceCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    AgencyCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    AmountSatang = table.Column<long>(type: "INTEGER", nullable: false),
                    StandardSatang = table.Column<long>(type: "INTEGER", nullable: false),
                    PayerCitizenId = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    PayerJuristicId = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    PayerName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments_licence_charge", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "payments_outbox",
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
                    table.PrimaryKey("PK_payments_outbox", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "payments_receipt",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    InvoiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PaymentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InvoiceNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PayerCitizenId = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    PayerJuristicId = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    PayerName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AmountSatang = table.Column<long>(type: "INTEGER", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments_receipt", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "payments_reconciliation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Matched = table.Column<int>(type: "INTEGER", nullable: false),
                    Mismatched = table.Column<int>(type: "INTEGER", nullable: false),
                    Unmatched = table.Column<int>(type: "INTEGER", nullable: false),
                    Missing = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments_reconciliation", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "payments_invoice_event",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InvoiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments_invoice_event", x => x.Id);
                    table.ForeignKey(
                        name: "FK_payments_invoice_event_payments_invoice_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "payments_invoice",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "payments_invoice_line",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InvoiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    DescriptionTh = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    StandardSatang = table.Column<long>(type: "INTEGER", nullable: false),
                    AmountSatang = table.Column<long>(type: "INTEGER", nullable: false),
                    RefundedSatang = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments_invoice_line", x => x.Id);
                    table.ForeignKey(
                        name: "FK_payments_invoice_line_payments_invoice_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "payments_invoice",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "payments_payment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InvoiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AmountSatang = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    QrPayload = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Gateway = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    TransactionId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PaidAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FailureReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RefundedSatang = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments_payment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_payments_payment_payments_invoice_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "payments_invoice",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "payments_reconciliation_item",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Line = table.Column<int>(type: "INTEGER", nullable: true),
                    TransactionId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    StatementSatang = table.Column<long>(type: "INTEGER", nullable: true),
                    RecordedSatang = table.Column<long>(type: "INTEGER", nullable: true),
                    PaymentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments_reconciliation_item", x => x.Id);
                    table.ForeignKey(
                        name: "FK_payments_reconciliation_item_payments_reconciliation_RunId",
                        column: x => x.RunId,
                        principalTable: "payments_reconciliation",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "payments_refund",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PaymentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InvoiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    AmountSatang = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    GatewayReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments_refund", x => x.Id);
                    table.ForeignKey(
                        name: "FK_payments_refund_payments_payment_PaymentId",
                        column: x => x.PaymentId,
                        principalTable: "payments_payment",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_payments_gateway_notification_Gateway_TransactionId_BankStatus",
                table: "payments_gateway_notification",
                columns: new[] { "Gateway", "TransactionId", "BankStatus" },
                unique: true,
                filter: "\"Outcome\" = 'Accepted'");

            migrationBuilder.CreateIndex(
                name: "IX_payments_gateway_notification_ReceivedAt",
                table: "payments_gateway_notification",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_payments_invoice_ApplicationId",
                table: "payments_invoice",
                column: "ApplicationId",
                unique: true,
                filter: "\"ApplicationId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_payments_invoice_Number",
                table: "payments_invoice",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payments_invoice_PayerCitizenId_CreatedAt",
                table: "payments_invoice",
                columns: new[] { "PayerCitizenId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_payments_invoice_PayerJuristicId_CreatedAt",
                table: "payments_invoice",
                columns: new[] { "PayerJuristicId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_payments_invoice_RaisedBy_Reference",
                table: "payments_invoice",
                columns: new[] { "RaisedBy", "Reference" },
                unique: true,
                filter: "\"RaisedBy\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_payments_invoice_Status_DueOn",
                table: "payments_invoice",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_payments_invoice_event_InvoiceId_Id",
                table: "payments_invoice_event",
                columns: new[] { "InvoiceId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_payments_invoice_line_AgencyCode",
                table: "payments_invoice_line",
                column: "AgencyCode");

            migrationBuilder.CreateIndex(
                name: "IX_payments_invoice_line_InvoiceId",
                table: "payments_invoice_line",
                column: "InvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_payments_licence_charge_ApplicationId_LicenceCode",
                table: "payments_licence_charge",
                columns: new[] { "ApplicationId", "LicenceCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payments_outbox_Id",
                table: "payments_outbox",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payments_outbox_ProcessedAt_Sequence",
                table: "payments_outbox",
                columns: new[] { "ProcessedAt", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_payments_payment_Gateway_TransactionId",
                table: "payments_payment",
                columns: new[] { "Gateway", "TransactionId" },
                unique: true,
                filter: "\"TransactionId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_payments_payment_InvoiceId_Reference",
                table: "payments_payment",
                columns: new[] { "InvoiceId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payments_payment_PaidAt",
                table: "payments_payment",
                column: "PaidAt");

            migrationBuilder.CreateIndex(
                name: "IX_payments_payment_Status_ExpiresAt",
                table: "payments_payment",
                columns: new[] { "Status", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_payments_receipt_InvoiceId",
                table: "payments_receipt",
                column: "InvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_payments_receipt_Number",
                table: "payments_receipt",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payments_receipt_PaymentId",
                table: "payments_receipt",
                column: "PaymentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payments_reconciliation_FileHash",
                table: "payments_reconciliation",
                column: "FileHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payments_reconciliation_item_RunId",
                table: "payments_reconciliation_item",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_payments_refund_PaymentId",
                table: "payments_refund",
                column: "PaymentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payments_decided_application");

            migrationBuilder.DropTable(
                name: "payments_gateway_notification");

            migrationBuilder.DropTable(
                name: "payments_inbox");

            migrationBuilder.DropTable(
                name: "payments_invoice_event");

            migrationBuilder.DropTable(
                name: "payments_invoice_line");

            migrationBuilder.DropTable(
                name: "payments_licence_charge");

            migrationBuilder.DropTable(
                name: "payments_outbox");

            migrationBuilder.DropTable(
                name: "payments_receipt");

            migrationBuilder.DropTable(
                name: "payments_reconciliation_item");

            migrationBuilder.DropTable(
                name: "payments_refund");

            migrationBuilder.DropTable(
                name: "payments_reconciliation");

            migrationBuilder.DropTable(
                name: "payments_payment");

            migrationBuilder.DropTable(
                name: "payments_invoice");
        }
    }
}
