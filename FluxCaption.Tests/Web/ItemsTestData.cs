using FluxCaption.Core.Data;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Libraries;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Tests.Web;

/// <summary>Libraries, items and jobs written straight into a test Api's database, as a sync and the planner would leave them.</summary>
internal sealed class ItemsTestData(string connectionString)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public FluxCaptionDbContext NewDbContext()
    {
        var options = new DbContextOptionsBuilder<FluxCaptionDbContext>();
        DataExtensions.Configure(options, connectionString);
        return new FluxCaptionDbContext(options.Options);
    }

    public async Task<LibraryEntity> AddLibraryAsync(string name)
    {
        var now = DateTimeOffset.UtcNow;
        var library = new LibraryEntity
        {
            Id = Guid.CreateVersion7(), Source = MediaSourceKind.Jellyfin, ExternalId = Guid.NewGuid().ToString("N"), Name = name,
            Enabled = true, CreatedAt = now, UpdatedAt = now,
        };
        await using var db = NewDbContext();
        db.Libraries.Add(library);
        await db.SaveChangesAsync(Ct);
        return library;
    }

    public async Task<MediaItemEntity> AddItemAsync(LibraryEntity library, string title, params MediaTrack[] tracks)
    {
        var now = DateTimeOffset.UtcNow.AddDays(-30);
        var item = new MediaItemEntity
        {
            Id = Guid.CreateVersion7(), LibraryId = library.Id, Source = library.Source, ExternalId = Guid.NewGuid().ToString("N"),
            Title = title, Kind = "Movie", Streams = [.. tracks], ChangeTag = "t", FirstSeenAt = now, LastSeenAt = now, UpdatedAt = now,
        };
        await using var db = NewDbContext();
        db.MediaItems.Add(item);
        await db.SaveChangesAsync(Ct);
        return item;
    }

    public async Task<MediaItemEntity> AddEpisodeAsync(LibraryEntity library, string series, int season, int episode, string title)
    {
        var item = await AddItemAsync(library, title);
        await using var db = NewDbContext();
        await db.MediaItems.Where(i => i.Id == item.Id).ExecuteUpdateAsync(set => set
            .SetProperty(i => i.Kind, "Episode").SetProperty(i => i.SeriesName, series)
            .SetProperty(i => i.SeasonNumber, season).SetProperty(i => i.EpisodeNumber, episode), Ct);
        return item;
    }

    /// <summary>A job as the planner or an upload leaves it, without anything consuming it.</summary>
    public async Task<Guid> AddJobAsync(Guid? itemId, string target, JobStatus status, string? errorCode = null, string? errorMessage = null, double progress = 0)
    {
        var now = DateTimeOffset.UtcNow;
        var job = new Job
        {
            Id = Guid.CreateVersion7(), MediaItemId = itemId, TargetLanguage = target, SourceLanguage = "en", Engine = "apertium",
            Status = status, Stage = itemId is null ? JobStage.Translate : JobStage.Scan, Progress = progress,
            ErrorCode = errorCode, ErrorMessage = errorMessage, Attempt = 1, CreatedAt = now, UpdatedAt = now,
            FinishedAt = status is JobStatus.Succeeded or JobStatus.Failed or JobStatus.Cancelled ? now : null,
        };
        await using var db = NewDbContext();
        db.Jobs.Add(job);
        await db.SaveChangesAsync(Ct);
        return job.Id;
    }

    public static MediaTrack Subtitle(string language, bool forced = false, bool text = true, bool hearingImpaired = false, bool ours = false) => new()
    {
        Kind = MediaTrackKind.Subtitle, Language = language, Codec = text ? "subrip" : "hdmv_pgs_subtitle", IsText = text,
        IsForced = forced, IsHearingImpaired = hearingImpaired, ProducedByFluxCaption = ours,
    };
}
