using System.Globalization;
using FluxCaption.Contracts;
using FluxCaption.Core.Data;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Libraries;
using FluxCaption.Core.Subtitles;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Benchmarks;

/// <summary>
/// A library and job history the size of a real installation, generated from a fixed seed so every run
/// measures the same data: items spread over libraries with subtitle tracks in several languages, two rules
/// wanting four languages, and jobs over the last days (mostly succeeded, some failed or cancelled, a few
/// queued and running) with the budgets and cue counts a translate stage leaves.
/// </summary>
internal sealed class DashboardSeeder(DashboardBenchmarkOptions options, TimeProvider clock)
{
    private const int BatchSize = 2_000;
    private static readonly string[] SubtitleLanguages = ["en", "fr", "zh-Hans", "de", "es", "ja"];
    private static readonly string[] Targets = ["zh-Hans", "fr", "de", "es"];
    private static readonly string[] Failures = ["engine_unavailable", "parse_error", "source_missing", "lease_expired"];

    private readonly Random _random = new(20261205);

    public async Task SeedAsync(FluxCaptionDbContext db)
    {
        var now = clock.GetUtcNow();
        var libraries = Enumerable.Range(1, options.Libraries).Select(number => new LibraryEntity
        {
            Id = Guid.CreateVersion7(), Source = MediaSourceKind.Jellyfin, ExternalId = $"library-{number}", Name = $"Library {number}",
            Enabled = true, CreatedAt = now, UpdatedAt = now,
        }).ToList();
        db.Libraries.AddRange(libraries);
        db.AutoTranslationRules.Add(Rule("Chinese everywhere", [], ["zh-Hans"], now));
        db.AutoTranslationRules.Add(Rule("European languages", [.. libraries.Take(Math.Max(1, libraries.Count / 2)).Select(library => library.Id)], ["fr", "de", "es"], now));
        await db.SaveChangesAsync();

        var items = new List<Guid>(options.Items);
        for (var index = 0; index < options.Items; index++)
        {
            var item = Item(libraries[index % libraries.Count], index, now);
            items.Add(item.Id);
            db.MediaItems.Add(item);
            await FlushAsync(db, index);
        }

        await FlushAsync(db, force: true);
        var documents = Enumerable.Range(0, 500).Select(number => new SubtitleDocumentEntity
        {
            Id = Guid.CreateVersion7(), Format = SubtitleFormat.Srt, Language = "en", Origin = SubtitleDocumentOrigin.Manual,
            Content = "1\n00:00:01,000 --> 00:00:02,000\nHello\n", FileName = $"upload-{number}.srt", CreatedAt = now,
        }).ToList();
        db.SubtitleDocuments.AddRange(documents);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        for (var index = 0; index < options.Jobs; index++)
        {
            db.Jobs.Add(FinishedOrQueuedJob(index, items, documents, now));
            await FlushAsync(db, index);
        }

        // A few jobs running now, on items no active job holds yet (the unique index would refuse a second one).
        for (var index = 0; index < Math.Min(4, items.Count); index++)
        {
            db.Jobs.Add(new Job
            {
                Id = Guid.CreateVersion7(), MediaItemId = items[items.Count - 1 - index], TargetLanguage = Targets[index % Targets.Length],
                SourceLanguage = "en", Engine = "ollama", Status = JobStatus.Running, Stage = JobStage.Translate, Progress = 0.2 * (index + 1),
                Attempt = 1, LeaseOwner = "benchmark", LeaseExpiresAt = now.AddMinutes(5), CreatedAt = now.AddMinutes(-10), StartedAt = now.AddMinutes(-5), UpdatedAt = now,
            });
        }

        await FlushAsync(db, force: true);
        // A database that has lived has statistics; autovacuum would have gathered them by now.
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
    }

    private static AutoTranslationRule Rule(string name, List<Guid> libraries, List<string> languages, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), Name = name, Enabled = true, LibraryIds = libraries, TargetLanguages = languages, CreatedAt = now, UpdatedAt = now,
    };

    private MediaItemEntity Item(LibraryEntity library, int index, DateTimeOffset now)
    {
        var tracks = new List<MediaTrack> { new() { Kind = MediaTrackKind.Audio, Index = 0, Language = _random.Next(4) == 0 ? "ja" : "en", Codec = "aac", IsDefault = true } };
        foreach (var language in SubtitleLanguages)
        {
            // English is common, the rest rarer: most items miss some wanted language.
            if (_random.NextDouble() < (language == "en" ? 0.6 : 0.15))
            {
                tracks.Add(new MediaTrack
                {
                    Kind = MediaTrackKind.Subtitle, Index = tracks.Count, Language = language, Codec = _random.Next(5) == 0 ? "hdmv_pgs_subtitle" : "subrip",
                    IsText = _random.Next(5) != 0, IsForced = _random.Next(20) == 0,
                });
            }
        }

        var episode = index % 3 != 0;
        return new MediaItemEntity
        {
            Id = Guid.CreateVersion7(), LibraryId = library.Id, Source = library.Source, ExternalId = index.ToString(CultureInfo.InvariantCulture),
            Path = $"/media/{library.Name}/{index}.mkv", Title = $"Title {index}", Kind = episode ? "Episode" : "Movie",
            SeriesName = episode ? $"Series {index / 30}" : null, SeasonNumber = episode ? 1 + index % 30 / 10 : null, EpisodeNumber = episode ? 1 + index % 10 : null,
            Runtime = TimeSpan.FromMinutes(25 + _random.Next(100)), Streams = tracks, ChangeTag = "t",
            FirstSeenAt = now.AddDays(-60), LastSeenAt = now, UpdatedAt = now,
        };
    }

    private Job FinishedOrQueuedJob(int index, List<Guid> items, List<SubtitleDocumentEntity> documents, DateTimeOffset now)
    {
        var created = now.AddSeconds(-_random.NextDouble() * options.HistoryDays * 86_400);
        var roll = _random.NextDouble();
        var status = roll < 0.88 ? JobStatus.Succeeded : roll < 0.96 ? JobStatus.Failed : roll < 0.99 ? JobStatus.Cancelled : JobStatus.Queued;
        var upload = _random.Next(5) == 0;
        var started = created.AddSeconds(_random.Next(1, 120));
        var finished = started.AddSeconds(30 + _random.Next(2_400));
        finished = finished > now ? now : finished;
        var requests = status == JobStatus.Queued ? 0 : _random.Next(5, 60);
        var cues = status == JobStatus.Succeeded ? _random.Next(300, 1_500) : 0;
        return new Job
        {
            Id = Guid.CreateVersion7(),
            // Queued jobs are uploads: an active library job per item and language is unique, and these are the history.
            MediaItemId = upload || status == JobStatus.Queued ? null : items[_random.Next(items.Count - 4)],
            SourceDocumentId = upload || status == JobStatus.Queued ? documents[_random.Next(documents.Count)].Id : null,
            TargetLanguage = Targets[_random.Next(Targets.Length)], SourceLanguage = "en", Engine = "ollama", Model = "qwen2.5:7b",
            Status = status, Stage = status == JobStatus.Succeeded ? JobStage.Writeback : JobStage.Translate,
            Progress = status == JobStatus.Succeeded ? 1 : status == JobStatus.Queued ? 0 : _random.NextDouble(), Attempt = 1,
            ErrorCode = status == JobStatus.Failed ? Failures[_random.Next(Failures.Length)] : null,
            ErrorMessage = status == JobStatus.Failed ? $"Generated failure {index}" : null,
            TranslatedCues = cues,
            Budget = requests == 0 ? null : JobBudgetJson.Write(new JobBudget(null, new JobBudgetFigures(requests, requests * 900L, requests * 350L, requests * 2.5))),
            CreatedAt = created, StartedAt = status == JobStatus.Queued ? null : started,
            FinishedAt = status == JobStatus.Queued ? null : finished, UpdatedAt = status == JobStatus.Queued ? created : finished,
        };
    }

    private static async Task FlushAsync(FluxCaptionDbContext db, int index = 0, bool force = false)
    {
        if (force || (index + 1) % BatchSize == 0)
        {
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }
}
