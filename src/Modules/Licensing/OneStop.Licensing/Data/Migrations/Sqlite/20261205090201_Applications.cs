using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Licensing.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Applications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "licensing_application",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    BusinessTypeCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ApplicantCitizenId = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    ApplicantName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ApplicantSubject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ApplicantEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    JuristicId = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    CompanyName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Answers = table.Column<string>(type: "TEXT", nullable: false),
                    Prefilled = table.Column<string>(type: "TEXT", nullable: false),
                    AvoidedCopies = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CounterOfficeCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    IdentityCheck = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ConsentRecordedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeclaredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_licensing_application", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "licensing_inbox",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Consumer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_licensing_inbox", x => new { x.MessageId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "licensing_outbox",
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
                    table.PrimaryKey("PK_licensing_outbox", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "licensing_webhook_subscription",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Secret = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Events = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_licensing_webhook_subscription", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "licensing_application_document",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_licensing_application_document", x => x.Id);
                    table.ForeignKey(
                        name: "FK_licensing_application_document_licensing_application_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "licensing_application",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "licensing_application_event",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    LicenceCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    AgencyCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_licensing_application_event", x => x.Id);
                    table.ForeignKey(
                        name: "FK_licensing_application_event_licensing_application_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "licensing_application",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "licensing_licence_request",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LicenceCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    AgencyCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    FeeSatang = table.Column<long>(type: "INTEGER", nullable: false),
                    SlaDays = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PausedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StoppedWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Marked = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_licensing_licence_request", x => x.Id);
                    table.ForeignKey(
                        name: "FK_licensing_licence_request_licensing_application_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "licensing_application",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "licensing_webhook_delivery",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubscriptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    DeliveredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_licensing_webhook_delivery", x => x.Id);
                    table.ForeignKey(
                        name: "FK_licensing_webhook_delivery_licensing_webhook_subscription_SubscriptionId",
                        column: x => x.SubscriptionId,
                        principalTable: "licensing_webhook_subscription",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "licensing_review_task",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LicenceRequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationNumber = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    LicenceCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ApplicantName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    AgencyCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    OfficeCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AutoApprove = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ClaimedByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Marked = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_licensing_review_task", x => x.Id);
                    table.ForeignKey(
                        name: "FK_licensing_review_task_licensing_licence_request_LicenceRequestId",
                        column: x => x.LicenceRequestId,
                        principalTable: "licensing_licence_request",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_licensing_application_ApplicantCitizenId_CreatedAt",
                table: "licensing_application",
                columns: new[] { "ApplicantCitizenId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_licensing_application_JuristicId_CreatedAt",
                table: "licensing_application",
                columns: new[] { "JuristicId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_licensing_application_Number",
                table: "licensing_application",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_licensing_application_document_ApplicationId_DocumentKey",
                table: "licensing_application_document",
                columns: new[] { "ApplicationId", "DocumentKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_licensing_application_event_ApplicationId_Id",
                table: "licensing_application_event",
                columns: new[] { "ApplicationId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_licensing_licence_request_ApplicationId_LicenceCode",
                table: "licensing_licence_request",
                columns: new[] { "ApplicationId", "LicenceCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_licensing_outbox_Id",
                table: "licensing_outbox",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_licensing_outbox_ProcessedAt_Sequence",
                table: "licensing_outbox",
                columns: new[] { "ProcessedAt", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_licensing_review_task_AgencyCode_Status_OfficeCode_DueOn",
                table: "licensing_review_task",
                columns: new[] { "AgencyCode", "Status", "OfficeCode", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_licensing_review_task_ApplicationId",
                table: "licensing_review_task",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_licensing_review_task_LicenceRequestId",
                table: "licensing_review_task",
                column: "LicenceRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_licensing_webhook_delivery_DeliveredAt_NextAttemptAt",
                table: "licensing_webhook_delivery",
                columns: new[] { "DeliveredAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_licensing_webhook_delivery_SubscriptionId_MessageId",
                table: "licensing_webhook_delivery",
                columns: new[] { "SubscriptionId", "MessageId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_licensing_webhook_subscription_AgencyCode",
                table: "licensing_webhook_subscription",
                column: "AgencyCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "licensing_application_document");

            migrationBuilder.DropTable(
                name: "licensing_application_event");

            migrationBuilder.DropTable(
                name: "licensing_inbox");

            migrationBuilder.DropTable(
                name: "licensing_outbox");

            migrationBuilder.DropTable(
                name: "licensing_review_task");

            migrationBuilder.DropTable(
                name: "licensing_webhook_delivery");

            migrationBuilder.DropTable(
                name: "licensing_licence_request");

            migrationBuilder.DropTable(
                name: "licensing_webhook_subscription");

            migrationBuilder.DropTable(
                name: "licensing_application");
        }
    }
}
