using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FluxCaption.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class LibrariesAndJobOptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "source_document_id",
                table: "jobs",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<bool>(
                name: "bilingual",
                table: "jobs",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "fallback_engines",
                table: "jobs",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "proofread",
                table: "jobs",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "rule_id",
                table: "jobs",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "wait_reason",
                table: "jobs",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "auto_translation_rules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    library_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    target_languages = table.Column<List<string>>(type: "text[]", nullable: false),
                    source_languages = table.Column<List<string>>(type: "text[]", nullable: false),
                    engine = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    model = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    cron = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    minimum_item_age = table.Column<TimeSpan>(type: "interval", nullable: false),
                    last_run_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_auto_translation_rules", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "libraries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    external_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    path = table.Column<string>(type: "text", nullable: true),
                    write_back = table.Column<bool>(type: "boolean", nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    sync_watermark = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_sync_started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_sync_finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_sync_status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    last_sync_error = table.Column<string>(type: "text", nullable: true),
                    last_sync_item_count = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_libraries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "media_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    library_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    external_id = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    path = table.Column<string>(type: "text", nullable: true),
                    title = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    series_name = table.Column<string>(type: "text", nullable: true),
                    season_number = table.Column<int>(type: "integer", nullable: true),
                    episode_number = table.Column<int>(type: "integer", nullable: true),
                    runtime = table.Column<TimeSpan>(type: "interval", nullable: true),
                    streams = table.Column<string>(type: "jsonb", nullable: false),
                    change_tag = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    first_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    gone_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_media_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_media_items_libraries_library_id",
                        column: x => x.library_id,
                        principalTable: "libraries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "written_subtitles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    media_item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    language = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    format = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    is_forced = table.Column<bool>(type: "boolean", nullable: false),
                    is_hearing_impaired = table.Column<bool>(type: "boolean", nullable: false),
                    path = table.Column<string>(type: "text", nullable: true),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    written_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_written_subtitles", x => x.id);
                    table.ForeignKey(
                        name: "fk_written_subtitles_media_items_media_item_id",
                        column: x => x.media_item_id,
                        principalTable: "media_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_jobs_rule_id",
                table: "jobs",
                column: "rule_id");

            migrationBuilder.CreateIndex(
                name: "ix_libraries_source_external_id",
                table: "libraries",
                columns: new[] { "source", "external_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_media_items_library_id_gone_at",
                table: "media_items",
                columns: new[] { "library_id", "gone_at" });

            migrationBuilder.CreateIndex(
                name: "ix_media_items_source_external_id",
                table: "media_items",
                columns: new[] { "source", "external_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_written_subtitles_job_id",
                table: "written_subtitles",
                column: "job_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_written_subtitles_media_item_id_language",
                table: "written_subtitles",
                columns: new[] { "media_item_id", "language" });

            migrationBuilder.AddForeignKey(
                name: "fk_jobs_auto_translation_rules_rule_id",
                table: "jobs",
                column: "rule_id",
                principalTable: "auto_translation_rules",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "fk_jobs_media_items_media_item_id",
                table: "jobs",
                column: "media_item_id",
                principalTable: "media_items",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_jobs_auto_translation_rules_rule_id",
                table: "jobs");

            migrationBuilder.DropForeignKey(
                name: "fk_jobs_media_items_media_item_id",
                table: "jobs");

            migrationBuilder.DropTable(
                name: "auto_translation_rules");

            migrationBuilder.DropTable(
                name: "written_subtitles");

            migrationBuilder.DropTable(
                name: "media_items");

            migrationBuilder.DropTable(
                name: "libraries");

            migrationBuilder.DropIndex(
                name: "ix_jobs_rule_id",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "bilingual",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "fallback_engines",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "proofread",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "rule_id",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "wait_reason",
                table: "jobs");

            migrationBuilder.AlterColumn<Guid>(
                name: "source_document_id",
                table: "jobs",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
