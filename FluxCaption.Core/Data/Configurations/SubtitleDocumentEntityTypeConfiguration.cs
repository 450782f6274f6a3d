using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FluxCaption.Core.Data.Configurations;

internal sealed class SubtitleDocumentEntityTypeConfiguration : IEntityTypeConfiguration<SubtitleDocumentEntity>
{
    public void Configure(EntityTypeBuilder<SubtitleDocumentEntity> builder)
    {
        builder.ToTable("subtitle_documents");
        builder.HasKey(document => document.Id);
        builder.Property(document => document.Format).HasMaxLength(16);
        builder.Property(document => document.Origin).HasMaxLength(16);
        builder.Property(document => document.Language).HasMaxLength(32);
        builder.Property(document => document.FileName).HasMaxLength(500);
        builder.Property(document => document.Engine).HasMaxLength(64);
        builder.Property(document => document.Model).HasMaxLength(200);
        builder.HasOne<SubtitleDocumentEntity>().WithMany().HasForeignKey(document => document.SourceDocumentId)
            .OnDelete(DeleteBehavior.SetNull);
        builder.Property(document => document.EditedBy).HasMaxLength(200);
        builder.HasOne<SubtitleDocumentEntity>().WithMany().HasForeignKey(document => document.FirstVersionId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SubtitleDocumentEntity>().WithMany().HasForeignKey(document => document.PreviousVersionId)
            .OnDelete(DeleteBehavior.SetNull);
        // Two people saving at once cannot both become version N of one subtitle: the second save is refused.
        builder.HasIndex(document => new { document.FirstVersionId, document.Version }).IsUnique()
            .HasFilter("first_version_id IS NOT NULL");
    }
}
