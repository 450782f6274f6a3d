using FluxCaption.Core.Accounts;
using FluxCaption.Core.Data.Configurations;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Subtitles;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Core.Data;

/// <summary>
/// The one database context of Api and Worker. It is an Identity user context so the Web app's accounts
/// (`users`) live in the same database and migrations as everything else; the Web app itself never
/// connects to it and reaches accounts through the Api.
/// </summary>
public sealed class FluxCaptionDbContext(DbContextOptions<FluxCaptionDbContext> options) : IdentityUserContext<WebAccount, Guid>(options)
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

    // Pinned so the model is the same at design time, in `migrate` and in the Api whatever Identity's
    // options say: version 1 has no passkey table, which the Web app's password sign-in does not use.
    protected override Version SchemaVersion => IdentitySchemaVersions.Version1;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        WebAccountModel.Configure(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FluxCaptionDbContext).Assembly);
    }

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
