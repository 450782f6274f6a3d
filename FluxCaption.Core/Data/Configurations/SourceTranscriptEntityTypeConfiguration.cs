using FluxCaption.Core.Libraries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FluxCaption.Core.Data.Configurations;

internal sealed class SourceTranscriptEntityTypeConfiguration : IEntityTypeConfiguration<SourceTranscriptEntity>
{
    public void Configure(EntityTypeBuilder<SourceTranscriptEntity> builder)
    {
        builder.ToTable("source_transcripts");
        builder.HasKey(transcript => transcript.Id);
        builder.Property(transcript => transcript.TrackKey).HasMaxLength(500);
        builder.Property(transcript => transcript.Kind).HasMaxLength(16);
        builder.Property(transcript => transcript.Engine).HasMaxLength(64);
        builder.Property(transcript => transcript.Model).HasMaxLength(500);
        builder.Property(transcript => transcript.Language).HasMaxLength(32);
        builder.Property(transcript => transcript.Progress).HasColumnType("jsonb");
        builder.Property(transcript => transcript.Warnings).HasColumnType("jsonb");
        // One transcript per track: two jobs of the item (two target languages) share it.
        builder.HasIndex(transcript => new { transcript.MediaItemId, transcript.TrackKey }).IsUnique();
        builder.HasOne<MediaItemEntity>().WithMany().HasForeignKey(transcript => transcript.MediaItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SubtitleDocumentEntity>().WithMany().HasForeignKey(transcript => transcript.DocumentId).OnDelete(DeleteBehavior.SetNull);
    }
}
