using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FluxCaption.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class MediaItemsUniquePerLibrary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_media_items_source_external_id",
                table: "media_items");

            migrationBuilder.CreateIndex(
                name: "ix_media_items_library_id_external_id",
                table: "media_items",
                columns: new[] { "library_id", "external_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_media_items_source_external_id",
                table: "media_items",
                columns: new[] { "source", "external_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_media_items_library_id_external_id",
                table: "media_items");

            migrationBuilder.DropIndex(
                name: "ix_media_items_source_external_id",
                table: "media_items");

            migrationBuilder.CreateIndex(
                name: "ix_media_items_source_external_id",
                table: "media_items",
                columns: new[] { "source", "external_id" },
                unique: true);
        }
    }
}
