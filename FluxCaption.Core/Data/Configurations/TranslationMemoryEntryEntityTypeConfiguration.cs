using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FluxCaption.Core.Data.Configurations;

internal sealed class TranslationMemoryEntryEntityTypeConfiguration : IEntityTypeConfiguration<TranslationMemoryEntry>
{
    public void Configure(EntityTypeBuilder<TranslationMemoryEntry> builder)
    {
        builder.ToTable("translation_memory");
        builder.HasKey(entry => entry.Id);
        builder.Property(entry => entry.Id).UseIdentityByDefaultColumn();
        builder.Property(entry => entry.SourceLang).HasMaxLength(32);
        builder.Property(entry => entry.TargetLang).HasMaxLength(32);
        builder.Property(entry => entry.SourceHash).HasMaxLength(128);
        builder.Property(entry => entry.Engine).HasMaxLength(64);
        builder.Property(entry => entry.Model).HasMaxLength(200);
        builder.HasIndex(entry => new { entry.SourceLang, entry.TargetLang, entry.SourceHash, entry.Engine, entry.Model })
            .IsUnique();
    }
}
