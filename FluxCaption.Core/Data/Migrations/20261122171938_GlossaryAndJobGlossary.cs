using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FluxCaption.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class GlossaryAndJobGlossary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "glossary",
                table: "jobs",
                type: "jsonb",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "glossary_terms",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    source_lang = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    target_lang = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    source_term = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    target_term = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    case_sensitive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_glossary_terms", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_glossary_terms_source_lang_target_lang_source_term",
                table: "glossary_terms",
                columns: new[] { "source_lang", "target_lang", "source_term" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "glossary_terms");

            migrationBuilder.DropColumn(
                name: "glossary",
                table: "jobs");
        }
    }
}
