using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OneStop.Exchange.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "exchange");

            migrationBuilder.CreateTable(
                name: "consent",
                schema: "exchange",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DataSubject = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    ClientId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ServiceId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    GrantedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WithdrawnAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consent", x => x.Id);
                });

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

            migrationBuilder.CreateTable(
                name: "inbox",
                schema: "exchange",
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
                name: "log_chain_head",
                schema: "exchange",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_log_chain_head", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "log_checkpoint",
                schema: "exchange",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    KeyId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Signature = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_log_checkpoint", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "member",
                schema: "exchange",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Instance = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MemberClass = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MemberCode = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    AgencyCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_member", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "message_log",
                schema: "exchange",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    XRoadId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequestId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Client = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Service = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Method = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Path = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    UserId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Issue = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RepresentedParty = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DataSubject = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ErrorType = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RequestHash = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RequestBodyHash = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ResponseBodyHash = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Signature = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    KeyId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_message_log", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                schema: "exchange",
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
                name: "personal_data_read",
                schema: "exchange",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DataSubject = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    Time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Client = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ClientName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Service = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ServiceTitle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    XRoadId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_personal_data_read", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "signing_key",
                schema: "exchange",
                columns: table => new
                {
                    KeyId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    PrivateKey = table.Column<string>(type: "text", nullable: true),
                    PublicKey = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RetiredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signing_key", x => x.KeyId);
                });

            migrationBuilder.CreateTable(
                name: "subsystem",
                schema: "exchange",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    MemberId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ConnectionType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AllowedAddresses = table.Column<List<string>>(type: "text[]", nullable: false),
                    ClientCertificateThumbprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subsystem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_subsystem_member_MemberId",
                        column: x => x.MemberId,
                        principalSchema: "exchange",
                        principalTable: "member",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "service",
                schema: "exchange",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    SubsystemId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ServiceCode = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    BaseUrl = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    OpenApiUrl = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PersonalData = table.Column<bool>(type: "boolean", nullable: false),
                    TimeoutSeconds = table.Column<int>(type: "integer", nullable: false),
                    ProviderTokenKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Disabled = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service", x => x.Id);
                    table.ForeignKey(
                        name: "FK_service_subsystem_SubsystemId",
                        column: x => x.SubsystemId,
                        principalSchema: "exchange",
                        principalTable: "subsystem",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "access_right",
                schema: "exchange",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClientId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ServiceId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Method = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Path = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    LegalMandate = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_access_right", x => x.Id);
                    table.ForeignKey(
                        name: "FK_access_right_service_ServiceId",
                        column: x => x.ServiceId,
                        principalSchema: "exchange",
                        principalTable: "service",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_access_right_subsystem_ClientId",
                        column: x => x.ClientId,
                        principalSchema: "exchange",
                        principalTable: "subsystem",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "service_endpoint",
                schema: "exchange",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ServiceId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Method = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Path = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_endpoint", x => x.Id);
                    table.ForeignKey(
                        name: "FK_service_endpoint_service_ServiceId",
                        column: x => x.ServiceId,
                        principalSchema: "exchange",
                        principalTable: "service",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_access_right_ClientId_ServiceId",
                schema: "exchange",
                table: "access_right",
                columns: new[] { "ClientId", "ServiceId" });

            migrationBuilder.CreateIndex(
                name: "IX_access_right_ServiceId",
                schema: "exchange",
                table: "access_right",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_consent_DataSubject_ClientId_ServiceId",
                schema: "exchange",
                table: "consent",
                columns: new[] { "DataSubject", "ClientId", "ServiceId" });

            migrationBuilder.CreateIndex(
                name: "IX_consent_event_ConsentId",
                schema: "exchange",
                table: "consent_event",
                column: "ConsentId");

            migrationBuilder.CreateIndex(
                name: "IX_message_log_DataSubject",
                schema: "exchange",
                table: "message_log",
                column: "DataSubject");

            migrationBuilder.CreateIndex(
                name: "IX_message_log_Time",
                schema: "exchange",
                table: "message_log",
                column: "Time");

            migrationBuilder.CreateIndex(
                name: "IX_message_log_XRoadId",
                schema: "exchange",
                table: "message_log",
                column: "XRoadId");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_Id",
                schema: "exchange",
                table: "outbox",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_ProcessedAt_Sequence",
                schema: "exchange",
                table: "outbox",
                columns: new[] { "ProcessedAt", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_personal_data_read_DataSubject_Time",
                schema: "exchange",
                table: "personal_data_read",
                columns: new[] { "DataSubject", "Time" });

            migrationBuilder.CreateIndex(
                name: "IX_service_SubsystemId",
                schema: "exchange",
                table: "service",
                column: "SubsystemId");

            migrationBuilder.CreateIndex(
                name: "IX_service_endpoint_ServiceId",
                schema: "exchange",
                table: "service_endpoint",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_subsystem_MemberId",
                schema: "exchange",
                table: "subsystem",
                column: "MemberId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "access_right",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "consent",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "consent_event",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "inbox",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "log_chain_head",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "log_checkpoint",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "message_log",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "outbox",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "personal_data_read",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "service_endpoint",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "signing_key",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "service",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "subsystem",
                schema: "exchange");

            migrationBuilder.DropTable(
                name: "member",
                schema: "exchange");
        }
    }
}
