using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conveyor.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddDashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_jobs_completed_at",
                table: "jobs",
                column: "completed_at")
                .Annotation("Npgsql:IndexInclude", new[] { "current_state" });

            migrationBuilder.CreateIndex(
                name: "ix_jobs_dashboard_counts",
                table: "jobs",
                columns: new[] { "current_state", "priority", "type" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_jobs_completed_at",
                table: "jobs");

            migrationBuilder.DropIndex(
                name: "ix_jobs_dashboard_counts",
                table: "jobs");
        }
    }
}
