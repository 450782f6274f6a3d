using System.Net;
using System.Net.Http.Json;
using FluxCaption.Contracts.Subtitles;
using FluxCaption.Core.Subtitles;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.TestServers.ScriptedJellyfin;

namespace FluxCaption.Tests.EndToEnd;

/// <summary>
/// A person corrects a line of a written translation and writes it back (Apertium, the real Worker
/// process): the subtitle FluxCaption wrote before now holds the corrected line, and there is still exactly
/// one FluxCaption subtitle for that language, in a sidecar folder and on a Jellyfin item alike.
/// </summary>
public sealed class SubtitleEditWriteBackTests(PostgresServer postgres, RedisServer redis)
{
    private const string Corrected = "Hola, corregido por una persona.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnEditedLineWrittenBackReplacesTheSidecarFluxCaptionWroteBefore()
    {
        using var films = new TempLibrary();
        await TestMedia.CreateVideoAsync(films.Video("Film"), [new TestSubtitleTrack("eng", "srt", TestMedia.SampleSrt)]);
        await using var system = await RunningSystem.StartAsync(postgres, redis);
        var api = new LibraryApiClient(system);
        var library = (await api.SendAsync(HttpMethod.Post, "/api/libraries",
            new { source = "local", name = "Films", path = films.Path, writeBack = true }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await api.SyncAsync(library, full: true);
        var missing = await api.ItemsMissingAsync(library, "es");
        var jobId = (await api.TranslateAsync([missing.ShouldHaveSingleItem().GetProperty("id").GetGuid()], "es", "apertium")).ShouldHaveSingleItem();
        (await system.WaitUntilFinishedAsync(jobId, TimeSpan.FromMinutes(3), Ct)).GetProperty("status").GetString().ShouldBe("succeeded");
        var sidecar = films.Sidecar("Film", "es");
        File.Exists(sidecar).ShouldBeTrue();

        var version = await EditAndWriteBackAsync(system, jobId);

        var written = SubtitleFile.Load(await File.ReadAllBytesAsync(sidecar, Ct), sidecar);
        written.Cues[0].Text.ShouldBe(Corrected);
        written.Cues.Count.ShouldBe(2);
        Directory.GetFiles(Path.GetDirectoryName(sidecar)!, "*.srt").ShouldBe([sidecar]);
        var after = await system.Client.GetFromJsonAsync<SubtitleDocumentView>($"/api/subtitles/{version}", Ct);
        after!.CanWriteBack.ShouldBeFalse();
        after.WriteBackBlockedReason.ShouldBe("This version is already written back.");
    }

    [Fact]
    public async Task AnEditedLineWrittenBackReplacesTheJellyfinTrackFluxCaptionUploadedBefore()
    {
        await using var jellyfin = await ScriptedJellyfinServer.StartAsync(Ct);
        using var films = new TempLibrary();
        var video = films.Video("Film");
        await TestMedia.CreateVideoAsync(video, [new TestSubtitleTrack("eng", "srt", TestMedia.SampleSrt)]);
        var item = await jellyfin.AddVideoAsync(jellyfin.AddLibrary("Movies", films.Path), video);
        await using var system = await RunningSystem.StartAsync(postgres, redis);
        var api = new LibraryApiClient(system);
        await api.SendAsync(HttpMethod.Put, "/api/settings/jellyfin", new { url = jellyfin.Endpoint.ToString(), apiKey = jellyfin.ApiKey }, HttpStatusCode.OK);
        var libraries = await api.SendAsync(HttpMethod.Post, "/api/libraries/refresh", null, HttpStatusCode.OK);
        var library = libraries.EnumerateArray().Single(l => l.GetProperty("name").GetString() == "Movies").GetProperty("id").GetGuid();
        await api.SyncAsync(library, full: true);
        var missing = await api.ItemsMissingAsync(library, "es");
        var jobId = (await api.TranslateAsync([missing.ShouldHaveSingleItem().GetProperty("id").GetGuid()], "es", "apertium")).ShouldHaveSingleItem();
        (await system.WaitUntilFinishedAsync(jobId, TimeSpan.FromMinutes(3), Ct)).GetProperty("status").GetString().ShouldBe("succeeded");

        await EditAndWriteBackAsync(system, jobId);

        jellyfin.RequestsTo("POST", $"/Videos/{item.Id}/Subtitles").Count.ShouldBe(2);
        var track = jellyfin.FindItem(item.Id)!.Externals.ShouldHaveSingleItem();
        track.Path.ShouldNotBeNull().ShouldNotContain(".0.");
        SubtitleFile.Load(await File.ReadAllBytesAsync(track.Path!, Ct), track.Path).Cues[0].Text.ShouldBe(Corrected);
    }

    /// <summary>Opens the job's translation, corrects its first line, saves a version and writes it back; returns the version's id.</summary>
    private static async Task<Guid> EditAndWriteBackAsync(RunningSystem system, Guid jobId)
    {
        var listed = await system.Client.GetFromJsonAsync<List<SubtitleVersionSummary>>($"/api/subtitles?jobId={jobId}", Ct);
        var translation = listed!.Single(summary => summary.Kind == SubtitleKinds.Translation);
        var view = await system.Client.GetFromJsonAsync<SubtitleDocumentView>($"/api/subtitles/{translation.Id}", Ct);
        view!.CanWriteBack.ShouldBeFalse(view.WriteBackBlockedReason);
        var first = view.Cues[0];
        using var saved = await system.Client.PostAsJsonAsync($"/api/subtitles/{translation.Id}/versions",
            new NewSubtitleVersionRequest([new SubtitleCueEdit(0, first.StartMs, first.EndMs, Corrected)], "Ana"), Ct);
        saved.StatusCode.ShouldBe(HttpStatusCode.Created, await saved.Content.ReadAsStringAsync(Ct));
        var version = (await saved.Content.ReadFromJsonAsync<SubtitleDocumentView>(Ct))!;
        version.CanWriteBack.ShouldBeTrue(version.WriteBackBlockedReason);

        using var writeback = await system.Client.PostAsync($"/api/subtitles/{version.Document.Id}/writeback", null, Ct);

        writeback.StatusCode.ShouldBe(HttpStatusCode.Accepted, await writeback.Content.ReadAsStringAsync(Ct));
        (await writeback.Content.ReadFromJsonAsync<SubtitleWriteBackResult>(Ct))!.JobId.ShouldBe(jobId);
        var job = await system.WaitUntilFinishedAsync(jobId, TimeSpan.FromMinutes(2), Ct);
        job.GetProperty("status").GetString().ShouldBe("succeeded", job.ToString());
        return version.Document.Id;
    }
}
