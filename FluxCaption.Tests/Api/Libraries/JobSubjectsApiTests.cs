using FluxCaption.Core.Data;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Libraries;
using FluxCaption.Core.Subtitles;
using FluxCaption.Tests.Infrastructure;

namespace FluxCaption.Tests.Api.Libraries;

/// <summary>GET /api/jobs names what each job translates, so a list of jobs can be read without opening each one.</summary>
public sealed class JobSubjectsApiTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LibraryApiHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await LibraryApiHost.CreateAsync(postgres, redis);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task JobsShowTheirItemOrFileTheirRuleAndWhyTheyWait()
    {
        var shows = await _host.AddLibraryAsync("Shows");
        var episode = LibraryApiHost.Item(shows, "The Pilot");
        (episode.SeriesName, episode.SeasonNumber, episode.EpisodeNumber) = ("Northern Lights", 1, 2);
        var film = LibraryApiHost.Item(shows, "Plain Film");
        await _host.AddItemsAsync(episode, film);
        var ruleId = await AddRuleAsync();
        var waiting = await AddJobAsync(job =>
        {
            (job.MediaItemId, job.RuleId, job.Priority) = (episode.Id, ruleId, 5);
            (job.Stage, job.WaitReason) = (JobStage.Asr, "waiting for speech recognition (not available yet)");
        });
        var planned = await AddJobAsync(job => job.MediaItemId = film.Id);
        var upload = await AddJobAsync(job => job.SourceDocumentId = AddDocument("lecture.en.srt"));

        var page = await _host.GetJsonAsync("/api/jobs?pageSize=10");
        var byId = page.GetProperty("items").EnumerateArray().ToDictionary(job => job.GetProperty("id").GetGuid());

        byId[waiting].GetProperty("subject").GetString().ShouldBe("Northern Lights S01E02 · The Pilot");
        byId[waiting].GetProperty("mediaItemId").GetGuid().ShouldBe(episode.Id);
        byId[waiting].GetProperty("ruleId").GetGuid().ShouldBe(ruleId);
        byId[waiting].GetProperty("priority").GetInt32().ShouldBe(5);
        byId[waiting].GetProperty("waitReason").GetString().ShouldBe("waiting for speech recognition (not available yet)");
        byId[planned].GetProperty("subject").GetString().ShouldBe("Plain Film");
        byId[upload].GetProperty("subject").GetString().ShouldBe("lecture.en.srt");
        byId[upload].GetProperty("mediaItemId").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        (await _host.GetJsonAsync($"/api/jobs/{waiting}")).GetProperty("subject").GetString().ShouldBe("Northern Lights S01E02 · The Pilot");
    }

    private async Task<Guid> AddRuleAsync()
    {
        await using var db = _host.NewDbContext();
        var rule = new AutoTranslationRule
        {
            Id = Guid.NewGuid(), Name = "Nightly", TargetLanguages = ["es"], CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        };
        db.AutoTranslationRules.Add(rule);
        await db.SaveChangesAsync(Ct);
        return rule.Id;
    }

    private Guid AddDocument(string fileName)
    {
        using var db = _host.NewDbContext();
        var document = new SubtitleDocumentEntity
        {
            Id = Guid.CreateVersion7(), Format = SubtitleFormat.Srt, Language = "en", Origin = SubtitleDocumentOrigin.Upload,
            Content = "1\n00:00:01,000 --> 00:00:02,000\nHello\n", FileName = fileName, CreatedAt = DateTimeOffset.UtcNow,
        };
        db.SubtitleDocuments.Add(document);
        db.SaveChanges();
        return document.Id;
    }

    private async Task<Guid> AddJobAsync(Action<Job> shape)
    {
        await using var db = _host.NewDbContext();
        var now = DateTimeOffset.UtcNow;
        var job = new Job
        {
            Id = Guid.CreateVersion7(), Kind = JobKind.Translate, Stage = JobStage.Translate, Status = JobStatus.Queued,
            TargetLanguage = "es", Engine = "apertium", CreatedAt = now, UpdatedAt = now,
        };
        shape(job);
        db.Jobs.Add(job);
        await db.SaveChangesAsync(Ct);
        return job.Id;
    }
}
