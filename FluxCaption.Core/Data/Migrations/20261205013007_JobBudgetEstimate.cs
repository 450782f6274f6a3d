using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FluxCaption.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class JobBudgetEstimate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "budget",
                table: "jobs",
                type: "jsonb",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "budget",
                table: "jobs");
        }
    }
}
