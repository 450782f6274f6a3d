using FluxCaption.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FluxCaption.Core.Data.Configurations;

internal sealed class JobEntityTypeConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> builder)
    {
        builder.ToTable("jobs");
        builder.HasKey(job => job.Id);
        builder.Property(job => job.Kind).HasMaxLength(32);
        builder.Property(job => job.Stage).HasMaxLength(32);
        builder.Property(job => job.Status).HasMaxLength(32);
        builder.Property(job => job.OutputFormat).HasMaxLength(16);
        builder.Property(job => job.SourceLanguage).HasMaxLength(32);
        builder.Property(job => job.TargetLanguage).HasMaxLength(32);
        builder.Property(job => job.Engine).HasMaxLength(64);
        builder.Property(job => job.Model).HasMaxLength(200);
        builder.Property(job => job.ErrorCode).HasMaxLength(100);
        builder.Property(job => job.LeaseOwner).HasMaxLength(200);
        builder.Property(job => job.Checkpoint).HasColumnType("jsonb");
        builder.Property(job => job.Warnings).HasColumnType("jsonb");
        builder.Property(job => job.Budget).HasColumnType("jsonb");
        builder.Property(job => job.Glossary).HasColumnType("jsonb");
        builder.Property(job => job.FallbackEngines).HasColumnType("jsonb");
        builder.Property(job => job.WaitReason).HasMaxLength(500);
        builder.Property(job => job.Version).IsRowVersion();

        // Whoever asks twice (rule, webhook, button) gets one active job per item, language and kind.
        builder.HasIndex(job => new { job.MediaItemId, job.TargetLanguage, job.Kind })
            .IsUnique()
            .HasFilter("status IN ('queued', 'running', 'paused') AND media_item_id IS NOT NULL")
            .HasDatabaseName("ix_jobs_active_per_item_language_kind");

        // The reaper scans running jobs by lease expiry.
        builder.HasIndex(job => new { job.Status, job.LeaseExpiresAt });
        builder.HasIndex(job => job.CreatedAt);
        // The dashboard buckets finished jobs per day over a window of recent days.
        builder.HasIndex(job => job.FinishedAt);

        builder.HasOne<SubtitleDocumentEntity>().WithMany().HasForeignKey(job => job.SourceDocumentId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SubtitleDocumentEntity>().WithMany().HasForeignKey(job => job.ResultDocumentId)
            .OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Libraries.MediaItemEntity>().WithMany().HasForeignKey(job => job.MediaItemId)
            .OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Libraries.AutoTranslationRule>().WithMany().HasForeignKey(job => job.RuleId)
            .OnDelete(DeleteBehavior.SetNull);
    }
}
