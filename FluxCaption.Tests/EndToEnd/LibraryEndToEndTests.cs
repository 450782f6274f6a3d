using System.Net;
using FluxCaption.Core.Subtitles;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.TestServers.ScriptedJellyfin;

namespace FluxCaption.Tests.EndToEnd;

/// <summary>
/// A library filled the way a user sees it: configure, sync, translate the gaps (Apertium, in the real
/// Worker process), write back, sync again and find nothing missing and nothing queued twice.
/// </summary>
public sealed class LibraryEndToEndTests(PostgresServer postgres, RedisServer redis)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ALocalFolderGetsASpanishSidecarAndTheNextSyncFindsNothingMissing()
    {
        var root = Directory.CreateTempSubdirectory("fluxcaption-e2e-local-");
        try
        {
            var video = Path.Combine(root.CreateSubdirectory("Film").FullName, "Film.mkv");
            await TestMedia.CreateVideoAsync(video, [new TestSubtitleTrack("eng", "srt", TestMedia.SampleSrt)]);
            await using var system = await RunningSystem.StartAsync(postgres, redis);
            var api = new LibraryApiClient(system);

            var library = (await api.SendAsync(HttpMethod.Post, "/api/libraries",
                new { source = "local", name = "Films", path = root.FullName, writeBack = true }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
            (await api.SyncAsync(library, full: true)).GetProperty("itemCount").GetInt32().ShouldBe(1);
            var missing = await api.ItemsMissingAsync(library, "es");
            missing.Count.ShouldBe(1);

            var jobs = await api.TranslateAsync([missing[0].GetProperty("id").GetGuid()], "es", "apertium");
            var job = await system.WaitUntilFinishedAsync(jobs.ShouldHaveSingleItem(), TimeSpan.FromMinutes(3), Ct);
            job.GetProperty("status").GetString().ShouldBe("succeeded", job.ToString());

            var sidecar = Path.Combine(root.FullName, "Film", "Film.es.srt");
            File.Exists(sidecar).ShouldBeTrue(string.Join(", ", Directory.GetFiles(Path.GetDirectoryName(sidecar)!)));
            var written = SubtitleFile.Load(await File.ReadAllBytesAsync(sidecar, Ct), sidecar);
            written.Cues.Count.ShouldBe(2);
            written.Cues[0].Text.ShouldContain("Hola");
            written.Cues[1].Text.ShouldContain("<i>");

            await api.SyncAsync(library, full: true);
            (await api.ItemsMissingAsync(library, "es")).ShouldBeEmpty();
            (await api.TranslateAsync([missing[0].GetProperty("id").GetGuid()], "es", "apertium")).ShouldBeEmpty();
            Directory.GetFiles(Path.GetDirectoryName(sidecar)!, "*.srt").ShouldBe([sidecar]);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task AJellyfinItemGetsAnUploadedSpanishTrackAndTheNextSyncFindsNothingMissing()
    {
        await using var jellyfin = await ScriptedJellyfinServer.StartAsync(Ct);
        var folder = Directory.CreateTempSubdirectory("fluxcaption-e2e-jellyfin-");
        try
        {
            var video = Path.Combine(folder.CreateSubdirectory("Film").FullName, "Film.mkv");
            await TestMedia.CreateVideoAsync(video, [new TestSubtitleTrack("eng", "srt", TestMedia.SampleSrt)]);
            var movies = jellyfin.AddLibrary("Movies", folder.FullName);
            var item = await jellyfin.AddVideoAsync(movies, video);
            await using var system = await RunningSystem.StartAsync(postgres, redis);
            var api = new LibraryApiClient(system);

            await api.SendAsync(HttpMethod.Put, "/api/settings/jellyfin",
                new { url = jellyfin.Endpoint.ToString(), apiKey = jellyfin.ApiKey }, HttpStatusCode.OK);
            var test = await api.SendAsync(HttpMethod.Post, "/api/settings/jellyfin/test", new { }, HttpStatusCode.OK);
            test.GetProperty("code").GetString().ShouldBe("ok", test.ToString());
            var libraries = await api.SendAsync(HttpMethod.Post, "/api/libraries/refresh", null, HttpStatusCode.OK);
            var library = libraries.EnumerateArray().Single(l => l.GetProperty("name").GetString() == "Movies").GetProperty("id").GetGuid();

            await api.SyncAsync(library, full: true);
            var missing = await api.ItemsMissingAsync(library, "es");
            var jobs = await api.TranslateAsync([missing.ShouldHaveSingleItem().GetProperty("id").GetGuid()], "es", "apertium");
            var job = await system.WaitUntilFinishedAsync(jobs.ShouldHaveSingleItem(), TimeSpan.FromMinutes(3), Ct);
            job.GetProperty("status").GetString().ShouldBe("succeeded", job.ToString());

            jellyfin.RequestsTo("POST", $"/Videos/{item.Id}/Subtitles").Count.ShouldBe(1);
            var uploaded = jellyfin.FindItem(item.Id)!.Externals.ShouldHaveSingleItem();
            uploaded.Path.ShouldNotBeNull().ShouldNotContain(".0.");
            var written = SubtitleFile.Load(await File.ReadAllBytesAsync(uploaded.Path!, Ct), uploaded.Path);
            written.Cues.Count.ShouldBe(2);
            written.Cues[0].Text.ShouldContain("Hola");

            await api.SyncAsync(library, full: false);
            (await api.ItemsMissingAsync(library, "es")).ShouldBeEmpty();
            (await api.TranslateAsync([missing[0].GetProperty("id").GetGuid()], "es", "apertium")).ShouldBeEmpty();
            jellyfin.RequestsTo("POST", $"/Videos/{item.Id}/Subtitles").Count.ShouldBe(1);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
