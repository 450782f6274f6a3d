using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FluxCaption.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class RuleRunWindowStart : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_run_started_at",
                table: "auto_translation_rules",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "last_run_started_at",
                table: "auto_translation_rules");
        }
    }
}
