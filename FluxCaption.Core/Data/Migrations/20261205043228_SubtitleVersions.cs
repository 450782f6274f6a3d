using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FluxCaption.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class SubtitleVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "edited_by",
                table: "subtitle_documents",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "edited_by_person",
                table: "subtitle_documents",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "first_version_id",
                table: "subtitle_documents",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "previous_version_id",
                table: "subtitle_documents",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "subtitle_documents",
                type: "integer",
                nullable: false,
                // Every subtitle stored before versions existed is its own first version.
                defaultValue: 1);

            migrationBuilder.CreateIndex(
                name: "ix_subtitle_documents_first_version_id_version",
                table: "subtitle_documents",
                columns: new[] { "first_version_id", "version" },
                unique: true,
                filter: "first_version_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_subtitle_documents_previous_version_id",
                table: "subtitle_documents",
                column: "previous_version_id");

            migrationBuilder.AddForeignKey(
                name: "fk_subtitle_documents_subtitle_documents_first_version_id",
                table: "subtitle_documents",
                column: "first_version_id",
                principalTable: "subtitle_documents",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_subtitle_documents_subtitle_documents_previous_version_id",
                table: "subtitle_documents",
                column: "previous_version_id",
                principalTable: "subtitle_documents",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_subtitle_documents_subtitle_documents_first_version_id",
                table: "subtitle_documents");

            migrationBuilder.DropForeignKey(
                name: "fk_subtitle_documents_subtitle_documents_previous_version_id",
                table: "subtitle_documents");

            migrationBuilder.DropIndex(
                name: "ix_subtitle_documents_first_version_id_version",
                table: "subtitle_documents");

            migrationBuilder.DropIndex(
                name: "ix_subtitle_documents_previous_version_id",
                table: "subtitle_documents");

            migrationBuilder.DropColumn(
                name: "edited_by",
                table: "subtitle_documents");

            migrationBuilder.DropColumn(
                name: "edited_by_person",
                table: "subtitle_documents");

            migrationBuilder.DropColumn(
                name: "first_version_id",
                table: "subtitle_documents");

            migrationBuilder.DropColumn(
                name: "previous_version_id",
                table: "subtitle_documents");

            migrationBuilder.DropColumn(
                name: "version",
                table: "subtitle_documents");
        }
    }
}
