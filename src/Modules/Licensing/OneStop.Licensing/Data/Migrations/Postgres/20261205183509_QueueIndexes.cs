using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Licensing.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class QueueIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_review_task_AgencyCode_Status_OfficeCode_DueOn",
                schema: "licensing",
                table: "review_task");

            migrationBuilder.CreateIndex(
                name: "IX_review_task_agency_queue",
                schema: "licensing",
                table: "review_task",
                columns: new[] { "AgencyCode", "DueOn", "Id" },
                filter: "\"Status\" IN ('Open', 'Claimed')");

            migrationBuilder.CreateIndex(
                name: "IX_review_task_claimed_queue",
                schema: "licensing",
                table: "review_task",
                columns: new[] { "ClaimedBy", "DueOn", "Id" },
                filter: "\"Status\" IN ('Open', 'Claimed')");

            migrationBuilder.CreateIndex(
                name: "IX_review_task_office_queue",
                schema: "licensing",
                table: "review_task",
                columns: new[] { "AgencyCode", "OfficeCode", "DueOn", "Id" },
                filter: "\"Status\" IN ('Open', 'Claimed')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_review_task_agency_queue",
                schema: "licensing",
                table: "review_task");

            migrationBuilder.DropIndex(
                name: "IX_review_task_claimed_queue",
                schema: "licensing",
                table: "review_task");

            migrationBuilder.DropIndex(
                name: "IX_review_task_office_queue",
                schema: "licensing",
                table: "review_task");

            migrationBuilder.CreateIndex(
                name: "IX_review_task_AgencyCode_Status_OfficeCode_DueOn",
                schema: "licensing",
                table: "review_task",
                columns: new[] { "AgencyCode", "Status", "OfficeCode", "DueOn" });
        }
    }
}
