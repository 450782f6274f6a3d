using FluxCaption.Contracts.Jobs;
using FluxCaption.Core.Data;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Libraries;
using FluxCaption.Core.Messaging;
using FluxCaption.Core.Subtitles;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.Libraries.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Pipeline;

/// <summary>Library jobs through the real stage consumers (scan, translate, write-back) with Apertium and an in-memory source.</summary>
public sealed class LibraryStagesTests(PostgresServer postgres, RedisServer redis)
{
    private const string EnglishSrt = "1\n00:00:00,500 --> 00:00:01,500\nThe house is red.\n\n2\n00:00:01,600 --> 00:00:02,800\n<i>How are you?</i>\n";

    private const string EnglishAss = """
        [Script Info]
        ScriptType: v4.00+
        PlayResX: 384
        PlayResY: 288

        [V4+ Styles]
        Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding
        Style: Sign,Georgia,24,&H0000FFFF,&H000000FF,&H00000000,&H00000000,1,0,0,0,100,100,0,0,1,2,2,8,10,10,10,1

        [Events]
        Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
        Dialogue: 0,0:00:00.50,0:00:01.50,Sign,,0,0,0,,The house is {\i1}red{\i0}.

        """;

    // Three stages and Apertium on a machine shared with other test runs: give them time.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static Task<(LibraryTestHost Host, LibraryEntity Library)> StartAsync(PostgresServer postgres, RedisServer redis, params DiscoveredMediaItem[] items) =>
        StartAsync(postgres, redis, RedisServer.NewKeyPrefix(), "consumer", items);

    private static async Task<(LibraryTestHost Host, LibraryEntity Library)> StartAsync(
        PostgresServer postgres, RedisServer redis, string keyPrefix, string roles, params DiscoveredMediaItem[] items)
    {
        var host = await LibraryTestHost.CreateAsync(postgres, redis, roles, keyPrefix: keyPrefix);
        foreach (var item in items)
        {
            host.Source.Put(item);
        }

        var library = await host.AddLibraryAsync("movies");
        await host.SyncAsync(library.Id, full: true);
        return (host, library);
    }

    private static Task<GapPlanResult> PlanSpanishAsync(LibraryTestHost host) =>
        host.WithScopeAsync(services => services.GetRequiredService<IGapJobPlanner>()
            .PlanAsync(new GapPlanRequest(["es"]) { Engine = "apertium", SourceLanguages = ["en"] }, CancellationToken.None));

    private static Task<Job> JobAsync(LibraryTestHost host, Guid id) => host.WithDbAsync(db => db.Jobs.AsNoTracking().SingleAsync(job => job.Id == id));

    [Fact]
    public async Task ALibraryJobTranslatesTheEnglishSidecarWithApertiumWritesSpanishBackAndTheNextPlanFindsNothingMissing()
    {
        var english = SampleItems.TextSubtitle("en", external: true, path: "/media/movies/film.en.srt");
        var (host, library) = await StartAsync(postgres, redis, SampleItems.Movie("film", "movies", english));
        await using var _ = host;
        host.Source.PutSubtitle("film", english, EnglishSrt, SubtitleFormat.Srt);

        var plan = await PlanSpanishAsync(host);
        var jobId = plan.CreatedJobIds.ShouldHaveSingleItem();
        await Eventually.HoldsAsync(async () => (await JobAsync(host, jobId)).Status == JobStatus.Succeeded, "the library job succeeded", Patience);

        var write = host.Source.Writes.ShouldHaveSingleItem();
        write.Language.ShouldBe("es");
        write.Format.ShouldBe(SubtitleFormat.Srt);
        write.Content.ShouldContain("00:00:00,500 --> 00:00:01,500\nLa casa es roja.");
        write.Content.ShouldContain("<i>");
        write.Content.ShouldNotContain("The house");
        write.Previous.ShouldBeNull();
        var job = await JobAsync(host, jobId);
        job.Stage.ShouldBe(JobStage.Writeback);
        job.SourceLanguage.ShouldBe("en");
        var source = await host.WithDbAsync(db => db.SubtitleDocuments.AsNoTracking().SingleAsync(document => document.Id == job.SourceDocumentId));
        source.Origin.ShouldBe(SubtitleDocumentOrigin.Existing);
        source.Content.ShouldBe(EnglishSrt);
        var written = await host.WithDbAsync(db => db.WrittenSubtitles.AsNoTracking().SingleAsync());
        written.JobId.ShouldBe(jobId);
        written.Path.ShouldBe("/media/movies/film.es.srt");
        var item = await host.WithDbAsync(db => db.MediaItems.AsNoTracking().SingleAsync());
        item.Streams.ShouldContain(track => track.Language == "es" && track.ProducedByFluxCaption && track.Path == "/media/movies/film.es.srt");
        var timeline = await host.WithDbAsync(db => db.JobEvents.Where(e => e.JobId == jobId).OrderBy(e => e.Id).Select(e => e.Type + ":" + e.Message).ToListAsync());
        timeline.ShouldContain($"{JobEventTypes.StageChanged}:translate");
        timeline.ShouldContain($"{JobEventTypes.StageChanged}:writeback");

        await host.SyncAsync(library.Id, full: true);
        var replan = await PlanSpanishAsync(host);
        (replan.ItemsConsidered, replan.GapsFound, replan.JobsCreated).ShouldBe((1, 0, 0), "the written Spanish track covers the gap");
        (await host.WithDbAsync(db => db.MediaItems.AsNoTracking().SingleAsync())).Streams
            .Single(track => track.Language == "es").ProducedByFluxCaption.ShouldBeTrue();
    }

    [Fact]
    public async Task ATranslationOfAForcedSdhSourceIsWrittenBackAsForcedAndSdhNotAsAFullTrack()
    {
        var english = SampleItems.TextSubtitle("en", external: true, path: "/media/movies/film.en.forced.sdh.srt")
            with { IsForced = true, IsHearingImpaired = true };
        var (host, _) = await StartAsync(postgres, redis, SampleItems.Movie("film", "movies", english));
        await using var _ = host;
        host.Source.PutSubtitle("film", english, EnglishSrt, SubtitleFormat.Srt);

        var jobId = (await PlanSpanishAsync(host)).CreatedJobIds.ShouldHaveSingleItem();
        await Eventually.HoldsAsync(async () => (await JobAsync(host, jobId)).Status == JobStatus.Succeeded, "the library job succeeded", Patience);

        var write = host.Source.Writes.ShouldHaveSingleItem();
        (write.IsForced, write.IsHearingImpaired).ShouldBe((true, true));
        var written = await host.WithDbAsync(db => db.WrittenSubtitles.AsNoTracking().SingleAsync());
        (written.IsForced, written.IsHearingImpaired).ShouldBe((true, true));
        (await host.WithDbAsync(db => db.MediaItems.AsNoTracking().SingleAsync())).Streams
            .Single(track => track.Language == "es").IsForced.ShouldBeTrue("a forced translation does not make Spanish fully covered");
    }

    [Fact]
    public async Task AnEmbeddedAssSourceIsTranslatedAndWrittenBackAsAssWithItsStyles()
    {
        var ass = SampleItems.TextSubtitle("en") with { Codec = "ass", Title = "Signs" };
        var (host, _) = await StartAsync(postgres, redis, SampleItems.Movie("anime", "movies", ass));
        await using var _ = host;
        host.Source.PutSubtitle("anime", ass, EnglishAss, SubtitleFormat.Ass);

        var jobId = (await PlanSpanishAsync(host)).CreatedJobIds.ShouldHaveSingleItem();
        await Eventually.HoldsAsync(async () => (await JobAsync(host, jobId)).Status == JobStatus.Succeeded, "the library job succeeded", Patience);

        var write = host.Source.Writes.ShouldHaveSingleItem();
        write.Format.ShouldBe(SubtitleFormat.Ass);
        write.Content.ShouldContain("Style: Sign,Georgia,24");
        write.Content.ShouldContain(@"Dialogue: 0,0:00:00.50,0:00:01.50,Sign,,0,0,0,,La casa es {\i1}roja{\i0}.");
        var job = await JobAsync(host, jobId);
        (await host.WithDbAsync(db => db.SubtitleDocuments.AsNoTracking().SingleAsync(document => document.Id == job.SourceDocumentId)))
            .Origin.ShouldBe(SubtitleDocumentOrigin.Extracted);
    }

    [Fact]
    public async Task ABitmapOnlyItemGoesToAsrWithItsTrackAndAnItemWithNothingToReadOrHearFailsSayingSo()
    {
        var (host, _) = await StartAsync(postgres, redis,
            SampleItems.Movie("pgs-only", "movies", SampleItems.BitmapSubtitle("en")),
            SampleItems.Movie("speech-only", "movies"),
            SampleItems.Movie("mute", "movies") with { Tracks = [] });
        await using var _ = host;

        var plan = await PlanSpanishAsync(host);
        plan.JobsCreated.ShouldBe(3);
        await Eventually.HoldsAsync(async () => (await host.WithDbAsync(db => db.Jobs.CountAsync(job => job.Status == JobStatus.Failed))) == 3,
            "both jobs ended", Patience);

        var jobs = await host.WithDbAsync(db => db.Jobs.AsNoTracking().Join(db.MediaItems, job => job.MediaItemId, item => item.Id,
            (job, item) => new { item.ExternalId, job.Stage, job.WaitReason, job.ErrorCode, job.ErrorMessage }).ToListAsync());
        jobs.ShouldAllBe(job => job.WaitReason == null);
        var mute = jobs.Single(job => job.ExternalId == "mute");
        mute.Stage.ShouldBe(JobStage.Scan);
        mute.ErrorCode.ShouldBe(JobErrorCodes.NoSource);
        mute.ErrorMessage!.ShouldContain("no audio track");
        // The sample source's media is not on this machine: the asr stage says which path the worker could not read.
        var bitmap = jobs.Single(job => job.ExternalId == "pgs-only");
        bitmap.Stage.ShouldBe(JobStage.Asr);
        bitmap.ErrorCode.ShouldBe(JobErrorCodes.MediaNotReadable);
        bitmap.ErrorMessage!.ShouldContain("bitmap subtitle track");
        bitmap.ErrorMessage!.ShouldContain("/media/movies/pgs-only.mkv");
        var speech = jobs.Single(job => job.ExternalId == "speech-only");
        speech.Stage.ShouldBe(JobStage.Asr);
        speech.ErrorCode.ShouldBe(JobErrorCodes.MediaNotReadable);
        speech.ErrorMessage!.ShouldContain("audio track");
    }

    [Fact]
    public async Task AWriteBackRetriedAfterItsWorkerLostTheLeaseMidWriteCompletesWithoutWritingAgain()
    {
        var english = SampleItems.TextSubtitle("en", external: true, path: "/media/movies/film.en.srt");
        var (host, _) = await StartAsync(postgres, redis, SampleItems.Movie("film", "movies", english));
        await using var _ = host;
        host.Source.PutSubtitle("film", english, EnglishSrt, SubtitleFormat.Srt);
        host.Source.WriteGate = new SemaphoreSlim(0);

        var jobId = (await PlanSpanishAsync(host)).CreatedJobIds.ShouldHaveSingleItem();
        (await host.Source.WriteStarted.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken)).ShouldBeTrue();
        // The worker hangs mid-upload long enough for its lease to expire and be noticed.
        await host.WithDbAsync(db => db.Jobs.Where(job => job.Id == jobId).ExecuteUpdateAsync(set => set
            .SetProperty(job => job.LeaseOwner, "a-worker-that-hung")
            .SetProperty(job => job.LeaseExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        await Task.Delay(1500, TestContext.Current.CancellationToken);
        host.Source.WriteGate.Release();
        await Eventually.HoldsAsync(async () => await host.WithDbAsync(db => db.WrittenSubtitles.AnyAsync()), "the write was recorded", Patience);
        (await JobAsync(host, jobId)).Status.ShouldBe(JobStatus.Running, "the lost lease refused the completion");

        var reaped = await host.WithScopeAsync(services => services.GetRequiredService<JobReaper>().ReapAsync(CancellationToken.None));
        await Eventually.HoldsAsync(async () => (await JobAsync(host, jobId)).Status == JobStatus.Succeeded, "the retried write-back completed", Patience);

        reaped.Requeued.ShouldBe(1);
        host.Source.Writes.Count.ShouldBe(1);
        (await host.WithDbAsync(db => db.WrittenSubtitles.CountAsync())).ShouldBe(1);
        (await host.WithDbAsync(db => db.MediaItems.AsNoTracking().SingleAsync())).Streams.Count(track => track.Language == "es").ShouldBe(1);
    }

    [Fact]
    public async Task AJobWhoseLanguageGotAHumanSubtitleBeforeItRanEndsWithoutWritingAndTheGapComesBackIfTheTrackGoes()
    {
        var english = SampleItems.TextSubtitle("en", external: true, path: "/media/movies/film.en.srt");
        var film = SampleItems.Movie("film", "movies", english);
        var prefix = RedisServer.NewKeyPrefix();
        // The planner's host runs no consumer, so the job waits in the scan queue while the library changes.
        var (planner, library) = await StartAsync(postgres, redis, prefix, "none", film);
        await using var _ = planner;
        planner.Source.PutSubtitle("film", english, EnglishSrt, SubtitleFormat.Srt);
        var jobId = (await PlanSpanishAsync(planner)).CreatedJobIds.ShouldHaveSingleItem();
        var spanish = SampleItems.TextSubtitle("es", external: true, path: "/media/movies/film.es.srt");
        planner.Source.Put(SampleItems.Movie("film", "movies", english, spanish) with { ChangeTag = "v2" });

        await using (var worker = await LibraryTestHost.CreateAsync(postgres, redis, "consumer", planner.Source, connectionString: planner.ConnectionString, keyPrefix: prefix))
        {
            await Eventually.HoldsAsync(async () => (await JobAsync(planner, jobId)).Status == JobStatus.Cancelled, "the job ended", Patience);
        }

        var job = await JobAsync(planner, jobId);
        job.ErrorCode.ShouldBe(JobErrorCodes.AlreadyCovered);
        job.ErrorMessage.ShouldBe("A es subtitle (film.es.srt) now covers es: nothing to translate.");
        job.SourceDocumentId.ShouldBeNull();
        planner.Source.Writes.ShouldBeEmpty();
        (await planner.WithDbAsync(db => db.SubtitleDocuments.CountAsync())).ShouldBe(0);
        (await planner.WithDbAsync(db => db.MediaItems.AsNoTracking().SingleAsync())).Streams
            .ShouldContain(track => track.Language == "es" && !track.ProducedByFluxCaption, "acquire saved the inventory it read");
        var timeline = await planner.WithDbAsync(db => db.JobEvents.Where(e => e.JobId == jobId).Select(e => e.Type + ":" + e.Message).ToListAsync());
        timeline.ShouldContain($"{JobEventTypes.Cancelled}:{job.ErrorMessage}");
        (await PlanSpanishAsync(planner)).JobsCreated.ShouldBe(0, "the human track covers Spanish");

        planner.Source.Put(film with { ChangeTag = "v3" });
        await planner.SyncAsync(library.Id, full: true);
        (await PlanSpanishAsync(planner)).JobsCreated.ShouldBe(1, "the Spanish track is gone again, and a job that ended as already covered does not block a new one");
    }
}
