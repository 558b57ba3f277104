using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Exchange.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "exchange_consent",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DataSubject = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ServiceId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    GrantedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WithdrawnAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_consent", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "exchange_consent_event",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    ConsentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DataSubject = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ServiceId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_consent_event", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "exchange_inbox",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Consumer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_inbox", x => new { x.MessageId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "exchange_log_chain_head",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_log_chain_head", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "exchange_log_checkpoint",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Signature = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_log_checkpoint", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "exchange_member",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Instance = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MemberClass = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MemberCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AgencyCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_member", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "exchange_message_log",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    XRoadId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Client = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Service = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Issue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RepresentedParty = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DataSubject = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ErrorType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequestBodyHash = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ResponseBodyHash = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Signature = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_message_log", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "exchange_outbox",
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
                    table.PrimaryKey("PK_exchange_outbox", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "exchange_personal_data_read",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DataSubject = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    Time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Client = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ClientName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Service = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ServiceTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    XRoadId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_personal_data_read", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "exchange_signing_key",
                columns: table => new
                {
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    PrivateKey = table.Column<string>(type: "TEXT", nullable: true),
                    PublicKey = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RetiredAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_signing_key", x => x.KeyId);
                });

            migrationBuilder.CreateTable(
                name: "exchange_subsystem",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    MemberId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ConnectionType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AllowedAddresses = table.Column<string>(type: "TEXT", nullable: false),
                    ClientCertificateThumbprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_subsystem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exchange_subsystem_exchange_member_MemberId",
                        column: x => x.MemberId,
                        principalTable: "exchange_member",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "exchange_service",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    SubsystemId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ServiceCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    BaseUrl = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    OpenApiUrl = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PersonalData = table.Column<bool>(type: "INTEGER", nullable: false),
                    TimeoutSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    ProviderTokenKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Disabled = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_service", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exchange_service_exchange_subsystem_SubsystemId",
                        column: x => x.SubsystemId,
                        principalTable: "exchange_subsystem",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "exchange_access_right",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ServiceId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    LegalMandate = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_access_right", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exchange_access_right_exchange_service_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "exchange_service",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_exchange_access_right_exchange_subsystem_ClientId",
                        column: x => x.ClientId,
                        principalTable: "exchange_subsystem",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "exchange_service_endpoint",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ServiceId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_service_endpoint", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exchange_service_endpoint_exchange_service_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "exchange_service",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_exchange_access_right_ClientId_ServiceId",
                table: "exchange_access_right",
                columns: new[] { "ClientId", "ServiceId" });

            migrationBuilder.CreateIndex(
                name: "IX_exchange_access_right_ServiceId",
                table: "exchange_access_right",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_exchange_consent_DataSubject_ClientId_ServiceId",
                table: "exchange_consent",
                columns: new[] { "DataSubject", "ClientId", "ServiceId" });

            migrationBuilder.CreateIndex(
                name: "IX_exchange_consent_event_ConsentId",
                table: "exchange_consent_event",
                column: "ConsentId");

            migrationBuilder.CreateIndex(
                name: "IX_exchange_message_log_DataSubject",
                table: "exchange_message_log",
                column: "DataSubject");

            migrationBuilder.CreateIndex(
                name: "IX_exchange_message_log_Time",
                table: "exchange_message_log",
                column: "Time");

            migrationBuilder.CreateIndex(
                name: "IX_exchange_message_log_XRoadId",
                table: "exchange_message_log",
                column: "XRoadId");

            migrationBuilder.CreateIndex(
                name: "IX_exchange_outbox_Id",
                table: "exchange_outbox",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_exchange_outbox_ProcessedAt_Sequence",
                table: "exchange_outbox",
                columns: new[] { "ProcessedAt", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_exchange_personal_data_read_DataSubject_Time",
                table: "exchange_personal_data_read",
                columns: new[] { "DataSubject", "Time" });

            migrationBuilder.CreateIndex(
                name: "IX_exchange_service_SubsystemId",
                table: "exchange_service",
                column: "SubsystemId");

            migrationBuilder.CreateIndex(
                name: "IX_exchange_service_endpoint_ServiceId",
                table: "exchange_service_endpoint",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_exchange_subsystem_MemberId",
                table: "exchange_subsystem",
                column: "MemberId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "exchange_access_right");

            migrationBuilder.DropTable(
                name: "exchange_consent");

            migrationBuilder.DropTable(
                name: "exchange_consent_event");

            migrationBuilder.DropTable(
                name: "exchange_inbox");

            migrationBuilder.DropTable(
                name: "exchange_log_chain_head");

            migrationBuilder.DropTable(
                name: "exchange_log_checkpoint");

            migrationBuilder.DropTable(
                name: "exchange_message_log");

            migrationBuilder.DropTable(
                name: "exchange_outbox");

            migrationBuilder.DropTable(
                name: "exchange_personal_data_read");

            migrationBuilder.DropTable(
                name: "exchange_service_endpoint");

            migrationBuilder.DropTable(
                name: "exchange_signing_key");

            migrationBuilder.DropTable(
                name: "exchange_service");

            migrationBuilder.DropTable(
                name: "exchange_subsystem");

            migrationBuilder.DropTable(
                name: "exchange_member");
        }
    }
}
