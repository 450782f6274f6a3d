using FluxCaption.Core.Libraries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FluxCaption.Core.Data.Configurations;

internal sealed class WrittenSubtitleEntityTypeConfiguration : IEntityTypeConfiguration<WrittenSubtitleEntity>
{
    public void Configure(EntityTypeBuilder<WrittenSubtitleEntity> builder)
    {
        builder.ToTable("written_subtitles");
        builder.HasKey(written => written.Id);
        builder.Property(written => written.Language).HasMaxLength(32);
        builder.Property(written => written.Format).HasMaxLength(16);
        builder.Property(written => written.ContentHash).HasMaxLength(64);
        builder.HasIndex(written => new { written.MediaItemId, written.Language });
        // One write per job: a retried write-back stage finds its row and does not write again.
        builder.HasIndex(written => written.JobId).IsUnique();
        builder.HasOne<MediaItemEntity>().WithMany().HasForeignKey(written => written.MediaItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
