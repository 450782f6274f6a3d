using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FluxCaption.Core.Translation.Glossary;

internal sealed class GlossaryTermEntityTypeConfiguration : IEntityTypeConfiguration<GlossaryTermEntity>
{
    public void Configure(EntityTypeBuilder<GlossaryTermEntity> builder)
    {
        builder.ToTable("glossary_terms");
        builder.HasKey(term => term.Id);
        builder.Property(term => term.Id).UseIdentityByDefaultColumn();
        builder.Property(term => term.SourceLang).HasMaxLength(32);
        builder.Property(term => term.TargetLang).HasMaxLength(32);
        builder.Property(term => term.SourceTerm).HasMaxLength(500);
        builder.Property(term => term.TargetTerm).HasMaxLength(500);
        builder.HasIndex(term => new { term.SourceLang, term.TargetLang, term.SourceTerm }).IsUnique();
    }
}
