using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FluxCaption.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class RememberKeptSourceLines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "kept_reason",
                table: "translation_memory",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "retranslate_kept",
                table: "jobs",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "kept_reason",
                table: "translation_memory");

            migrationBuilder.DropColumn(
                name: "retranslate_kept",
                table: "jobs");
        }
    }
}
