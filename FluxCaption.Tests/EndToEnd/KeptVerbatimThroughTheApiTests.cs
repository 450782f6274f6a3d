using System.Net;
using System.Text.Json;
using FluxCaption.Tests.Api;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.Subtitles;
using FluxCaption.Tests.TestServers;

namespace FluxCaption.Tests.EndToEnd;

/// <summary>An upload with events the parser could not time: nothing lost in the result, everything said on the job.</summary>
public sealed class KeptVerbatimThroughTheApiTests(PostgresServer postgres, RedisServer redis)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAssUploadWithBrokenEventTimesComesBackWithAllEightEventsAndAWarningForEachBrokenOne()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Ct);
        await using var system = await RunningSystem.StartAsync(postgres, redis, ollama.ConnectionString);

        var id = await system.UploadAsync(
            TranslateUploads.Form(TranslateUploads.Utf8(KeptVerbatimTests.EightEventAss), "movie.en.ass", targetLanguage: "fr", engine: "ollama"), Ct);
        var job = await system.WaitUntilFinishedAsync(id, TimeSpan.FromMinutes(2), Ct);

        job.GetProperty("status").GetString().ShouldBe("succeeded", job.ToString());
        var warnings = job.GetProperty("warnings").EnumerateArray()
            .Select(w => (Cue: w.GetProperty("cueIndex").ValueKind, Code: w.GetProperty("code").GetString(), Message: w.GetProperty("message").GetString()!))
            .ToList();
        warnings.Select(w => (w.Cue, w.Code)).ShouldBe(Enumerable.Repeat((JsonValueKind.Null, (string?)"parser_kept_verbatim"), 4));
        warnings.Select(w => w.Message[..8]).ShouldBe(["Line 10:", "Line 12:", "Line 14:", "Line 16:"]);

        using var response = await system.Client.GetAsync($"/api/jobs/{id}/result", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var events = (await response.Content.ReadAsStringAsync(Ct)).Split('\n').Where(line => line.StartsWith("Dialogue:", StringComparison.Ordinal)).ToList();
        var sourceEvents = KeptVerbatimTests.EightEventAss.Split('\n').Where(line => line.StartsWith("Dialogue:", StringComparison.Ordinal)).ToList();
        events.Count.ShouldBe(8);
        foreach (var broken in new[] { 0, 2, 4, 6 })
        {
            events[broken].ShouldBe(sourceEvents[broken]);
        }

        foreach (var timed in new[] { 1, 3, 5, 7 })
        {
            events[timed].ShouldContain("[fr]");
        }
    }
}
