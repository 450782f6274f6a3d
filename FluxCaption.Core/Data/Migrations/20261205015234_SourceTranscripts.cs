using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FluxCaption.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class SourceTranscripts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "source_transcripts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    media_item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    track_key = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    engine = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    model = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    language = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    progress = table.Column<string>(type: "jsonb", nullable: true),
                    document_id = table.Column<Guid>(type: "uuid", nullable: true),
                    warnings = table.Column<string>(type: "jsonb", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_source_transcripts", x => x.id);
                    table.ForeignKey(
                        name: "fk_source_transcripts_media_items_media_item_id",
                        column: x => x.media_item_id,
                        principalTable: "media_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_source_transcripts_subtitle_documents_document_id",
                        column: x => x.document_id,
                        principalTable: "subtitle_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_source_transcripts_document_id",
                table: "source_transcripts",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "ix_source_transcripts_media_item_id_track_key",
                table: "source_transcripts",
                columns: new[] { "media_item_id", "track_key" },
                unique: true);

            // Jobs that earlier versions parked in asr (no OCR or speech recognition yet) go back to the
            // acquire stage: the reaper dispatches them and the acquire stage chooses their source again.
            migrationBuilder.Sql("""
                UPDATE jobs SET stage = 'scan', wait_reason = NULL, updated_at = now() - interval '1 hour'
                WHERE stage = 'asr' AND status IN ('queued', 'paused') AND wait_reason IS NOT NULL
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "source_transcripts");
        }
    }
}
