using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FluxCaption.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class LibraryRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "library_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    target = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    dedupe_key = table.Column<string>(type: "character varying(240)", maxLength: 240, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    lease_owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    lease_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    not_before = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "text", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_library_requests", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_library_requests_finished_at_requested_at",
                table: "library_requests",
                columns: new[] { "finished_at", "requested_at" });

            migrationBuilder.CreateIndex(
                name: "ix_library_requests_waiting_dedupe_key",
                table: "library_requests",
                column: "dedupe_key",
                unique: true,
                filter: "lease_owner IS NULL AND finished_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "library_requests");
        }
    }
}
