using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Licensing.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class QueueIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_licensing_review_task_AgencyCode_Status_OfficeCode_DueOn",
                table: "licensing_review_task");

            migrationBuilder.CreateIndex(
                name: "IX_review_task_agency_queue",
                table: "licensing_review_task",
                columns: new[] { "AgencyCode", "DueOn", "Id" },
                filter: "\"Status\" IN ('Open', 'Claimed')");

            migrationBuilder.CreateIndex(
                name: "IX_review_task_claimed_queue",
                table: "licensing_review_task",
                columns: new[] { "ClaimedBy", "DueOn", "Id" },
                filter: "\"Status\" IN ('Open', 'Claimed')");

            migrationBuilder.CreateIndex(
                name: "IX_review_task_office_queue",
                table: "licensing_review_task",
                columns: new[] { "AgencyCode", "OfficeCode", "DueOn", "Id" },
                filter: "\"Status\" IN ('Open', 'Claimed')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_review_task_agency_queue",
                table: "licensing_review_task");

            migrationBuilder.DropIndex(
                name: "IX_review_task_claimed_queue",
                table: "licensing_review_task");

            migrationBuilder.DropIndex(
                name: "IX_review_task_office_queue",
                table: "licensing_review_task");

            migrationBuilder.CreateIndex(
                name: "IX_licensing_review_task_AgencyCode_Status_OfficeCode_DueOn",
                table: "licensing_review_task",
                columns: new[] { "AgencyCode", "Status", "OfficeCode", "DueOn" });
        }
    }
}
