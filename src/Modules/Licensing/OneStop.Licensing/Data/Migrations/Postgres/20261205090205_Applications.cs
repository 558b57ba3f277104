using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OneStop.Licensing.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class Applications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "licensing");

            migrationBuilder.CreateTable(
                name: "application",
                schema: "licensing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    BusinessTypeCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ApplicantCitizenId = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    ApplicantName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ApplicantSubject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ApplicantEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    JuristicId = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    CompanyName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ProvinceCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    DistrictCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Answers = table.Column<string>(type: "text", nullable: false),
                    Prefilled = table.Column<List<string>>(type: "text[]", nullable: false),
                    AvoidedCopies = table.Column<List<string>>(type: "text[]", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CounterOfficeCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    IdentityCheck = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ConsentRecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeclaredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_application", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inbox",
                schema: "licensing",
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
                name: "outbox",
                schema: "licensing",
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
                name: "webhook_subscription",
                schema: "licensing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Secret = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Events = table.Column<List<string>>(type: "text[]", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhook_subscription", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "application_document",
                schema: "licensing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentKey = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_application_document", x => x.Id);
                    table.ForeignKey(
                        name: "FK_application_document_application_ApplicationId",
                        column: x => x.ApplicationId,
                        principalSchema: "licensing",
                        principalTable: "application",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "application_event",
                schema: "licensing",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    LicenceCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    AgencyCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Actor = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_application_event", x => x.Id);
                    table.ForeignKey(
                        name: "FK_application_event_application_ApplicationId",
                        column: x => x.ApplicationId,
                        principalSchema: "licensing",
                        principalTable: "application",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "licence_request",
                schema: "licensing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    LicenceCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    AgencyCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    FeeSatang = table.Column<long>(type: "bigint", nullable: false),
                    SlaDays = table.Column<int>(type: "integer", nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PausedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    StoppedWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Marked = table.Column<List<string>>(type: "text[]", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_licence_request", x => x.Id);
                    table.ForeignKey(
                        name: "FK_licence_request_application_ApplicationId",
                        column: x => x.ApplicationId,
                        principalSchema: "licensing",
                        principalTable: "application",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "webhook_delivery",
                schema: "licensing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubscriptionId = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    DeliveredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastStatus = table.Column<int>(type: "integer", nullable: true),
                    LastError = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhook_delivery", x => x.Id);
                    table.ForeignKey(
                        name: "FK_webhook_delivery_webhook_subscription_SubscriptionId",
                        column: x => x.SubscriptionId,
                        principalSchema: "licensing",
                        principalTable: "webhook_subscription",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_task",
                schema: "licensing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LicenceRequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationNumber = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    LicenceCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ApplicantName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    AgencyCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    OfficeCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AutoApprove = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClaimedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ClaimedByName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Marked = table.Column<List<string>>(type: "text[]", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_task", x => x.Id);
                    table.ForeignKey(
                        name: "FK_review_task_licence_request_LicenceRequestId",
                        column: x => x.LicenceRequestId,
                        principalSchema: "licensing",
                        principalTable: "licence_request",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_application_ApplicantCitizenId_CreatedAt",
                schema: "licensing",
                table: "application",
                columns: new[] { "ApplicantCitizenId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_application_JuristicId_CreatedAt",
                schema: "licensing",
                table: "application",
                columns: new[] { "JuristicId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_application_Number",
                schema: "licensing",
                table: "application",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_application_document_ApplicationId_DocumentKey",
                schema: "licensing",
                table: "application_document",
                columns: new[] { "ApplicationId", "DocumentKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_application_event_ApplicationId_Id",
                schema: "licensing",
                table: "application_event",
                columns: new[] { "ApplicationId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_licence_request_ApplicationId_LicenceCode",
                schema: "licensing",
                table: "licence_request",
                columns: new[] { "ApplicationId", "LicenceCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_Id",
                schema: "licensing",
                table: "outbox",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_ProcessedAt_Sequence",
                schema: "licensing",
                table: "outbox",
                columns: new[] { "ProcessedAt", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_review_task_AgencyCode_Status_OfficeCode_DueOn",
                schema: "licensing",
                table: "review_task",
                columns: new[] { "AgencyCode", "Status", "OfficeCode", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_review_task_ApplicationId",
                schema: "licensing",
                table: "review_task",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_review_task_LicenceRequestId",
                schema: "licensing",
                table: "review_task",
                column: "LicenceRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_webhook_delivery_DeliveredAt_NextAttemptAt",
                schema: "licensing",
                table: "webhook_delivery",
                columns: new[] { "DeliveredAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_webhook_delivery_SubscriptionId_MessageId",
                schema: "licensing",
                table: "webhook_delivery",
                columns: new[] { "SubscriptionId", "MessageId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_webhook_subscription_AgencyCode",
                schema: "licensing",
                table: "webhook_subscription",
                column: "AgencyCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "application_document",
                schema: "licensing");

            migrationBuilder.DropTable(
                name: "application_event",
                schema: "licensing");

            migrationBuilder.DropTable(
                name: "inbox",
                schema: "licensing");

            migrationBuilder.DropTable(
                name: "outbox",
                schema: "licensing");

            migrationBuilder.DropTable(
                name: "review_task",
                schema: "licensing");

            migrationBuilder.DropTable(
                name: "webhook_delivery",
                schema: "licensing");

            migrationBuilder.DropTable(
                name: "licence_request",
                schema: "licensing");

            migrationBuilder.DropTable(
                name: "webhook_subscription",
                schema: "licensing");

            migrationBuilder.DropTable(
                name: "application",
                schema: "licensing");
        }
    }
}
