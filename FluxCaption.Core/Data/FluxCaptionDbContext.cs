using FluxCaption.Core.Jobs;
using FluxCaption.Core.Subtitles;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Core.Data;

public sealed class FluxCaptionDbContext(DbContextOptions<FluxCaptionDbContext> options) : DbContext(options)
{
    public DbSet<Job> Jobs => Set<Job>();

    public DbSet<JobEventEntity> JobEvents => Set<JobEventEntity>();

    public DbSet<SubtitleDocumentEntity> SubtitleDocuments => Set<SubtitleDocumentEntity>();

    public DbSet<SourceTranscriptEntity> SourceTranscripts => Set<SourceTranscriptEntity>();

    public DbSet<TranslationMemoryEntry> TranslationMemory => Set<TranslationMemoryEntry>();

    public DbSet<Setting> Settings => Set<Setting>();

    public DbSet<Libraries.LibraryEntity> Libraries => Set<Libraries.LibraryEntity>();

    public DbSet<Libraries.MediaItemEntity> MediaItems => Set<Libraries.MediaItemEntity>();

    public DbSet<Libraries.WrittenSubtitleEntity> WrittenSubtitles => Set<Libraries.WrittenSubtitleEntity>();

    public DbSet<Libraries.AutoTranslationRule> AutoTranslationRules => Set<Libraries.AutoTranslationRule>();

    public DbSet<Libraries.Requests.LibraryRequest> LibraryRequests => Set<Libraries.Requests.LibraryRequest>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FluxCaptionDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<JobStatus>().HaveConversion<LowerCaseEnumConverter<JobStatus>>();
        configurationBuilder.Properties<JobStage>().HaveConversion<LowerCaseEnumConverter<JobStage>>();
        configurationBuilder.Properties<JobKind>().HaveConversion<LowerCaseEnumConverter<JobKind>>();
        configurationBuilder.Properties<SubtitleFormat>().HaveConversion<LowerCaseEnumConverter<SubtitleFormat>>();
        configurationBuilder.Properties<Libraries.MediaSourceKind>().HaveConversion<LowerCaseEnumConverter<Libraries.MediaSourceKind>>();
        configurationBuilder.Properties<SubtitleDocumentOrigin>().HaveConversion<LowerCaseEnumConverter<SubtitleDocumentOrigin>>();
    }
}
