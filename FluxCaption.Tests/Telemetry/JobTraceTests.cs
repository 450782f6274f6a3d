using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Libraries;
using FluxCaption.Core.Subtitles;
using FluxCaption.Tests.Api;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.Libraries.Jellyfin;
using FluxCaption.Tests.Pipeline;
using FluxCaption.Tests.TestServers;
using Microsoft.Extensions.Hosting;

namespace FluxCaption.Tests.Telemetry;

/// <summary>
/// One job, one trace: the Api request that uploads the file, the dispatch onto the Redis stream,
/// the Worker's stage span and the engine's HTTP call all carry the same trace id, each span a
/// descendant of the one before, as the dashboard's trace view shows it.
/// </summary>
public sealed class JobTraceTests(PostgresServer postgres, RedisServer redis)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnUploadedJobsSpansShareOneTraceFromTheApiRequestToTheOllamaCall()
    {
        using var recorded = new RecordedActivities(source => source.Name is "Microsoft.AspNetCore" or "System.Net.Http"
            || source.Name.StartsWith("FluxCaption.", StringComparison.Ordinal));
        var stopped = recorded.Stopped;

        await using var ollama = await ScriptedOllamaServer.StartAsync($"trace-{Guid.NewGuid():N}", Ct);
        await using var api = await ApiFactory.CreateAsync(postgres, redis,
            new Dictionary<string, string?> { ["ConnectionStrings:llm"] = ollama.ConnectionString });
        using var worker = await StartWorkerAsync(api);
        using var client = api.CreateAuthorizedClient();

        using var response = await client.PostAsync("/api/jobs/translate", TranslateUploads.Form(
            TranslateUploads.Utf8(TranslateUploads.ThreeCueSrt), "movie.en.srt", targetLanguage: "fr", engine: "ollama"), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(Ct));
        var jobId = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        await SampleJobs.WaitForStatusAsync(worker.Services, jobId, JobStatus.Succeeded, TimeSpan.FromMinutes(1));
        await Eventually.HoldsAsync(() => Task.FromResult(stopped.Any(IsStage(jobId, "process translate"))), "the stage span ended");

        var dispatch = stopped.Single(IsStage(jobId, "dispatch translate"));
        var request = stopped.Single(a => a.SpanId == dispatch.ParentSpanId);
        request.Source.Name.ShouldBe("Microsoft.AspNetCore", "the dispatch happens inside the Api's request span");
        var trace = request.TraceId;

        var stage = stopped.Single(IsStage(jobId, "process translate"));
        stage.TraceId.ShouldBe(trace);
        stage.ParentSpanId.ShouldBe(dispatch.SpanId, "the Worker continues the traceparent carried by the stream entry");

        var chat = stopped.Where(a => a.Source.Name == "System.Net.Http" && a.TraceId == trace
            && a.GetTagItem("url.full") is string url && url.Contains("/api/chat", StringComparison.Ordinal)).ToList();
        chat.ShouldNotBeEmpty("the engine's HTTP call belongs to the job's trace");
        chat.ShouldAllBe(call => recorded.DescendsFrom(call, stage), "the HTTP call is a child of the stage span");
    }

    [Fact]
    public async Task AJellyfinWriteBacksHttpCallsAreChildrenOfTheStageSpanItRunsIn()
    {
        using var recorded = new RecordedActivities(source => source.Name is "System.Net.Http" or "FluxCaption.Tests");
        var stopped = recorded.Stopped;
        using var testSource = new ActivitySource("FluxCaption.Tests");
        await using var host = await JellyfinTestHost.StartAsync();
        var item = await host.StoredAsync(host.Movie);

        // Stands in for the Worker's "process writeback" span (shown above to continue the job's trace).
        Activity stage;
        using (stage = testSource.StartActivity("process writeback", ActivityKind.Consumer)!)
        {
            await host.Source.WriteSubtitleAsync(host.LibraryEntity(), item,
                new SubtitleWriteRequest("fr", SubtitleFormat.Srt, "1\n00:00:00,500 --> 00:00:01,500\nBonjour.\n", IsForced: false, IsHearingImpaired: false, null), Ct);
        }

        var jellyfin = host.Server.Endpoint.GetLeftPart(UriPartial.Authority);
        var calls = stopped.Where(a => a.Source.Name == "System.Net.Http"
            && a.GetTagItem("url.full") is string url && url.StartsWith(jellyfin, StringComparison.Ordinal) && a.TraceId == stage.TraceId).ToList();
        calls.ShouldContain(call => Equals(call.GetTagItem("http.request.method"), "POST"), "the upload is in the stage's trace");
        calls.ShouldAllBe(call => recorded.DescendsFrom(call, stage));
    }

    private async Task<IHost> StartWorkerAsync(ApiFactory api)
    {
        // The Api's own settings (database, Redis prefix, LLM) in configuration form.
        var settings = api.WorkerEnvironment().ToDictionary(
            setting => setting.Key.Replace("__", ":", StringComparison.Ordinal), setting => (string?)setting.Value);
        var worker = WorkerTestBuilder.Create(api.DatabaseConnectionString, redis, settings["Messaging:KeyPrefix"]!, "consumer", settings).Build();
        await worker.StartAsync(Ct);
        return worker;
    }

    private static Func<Activity, bool> IsStage(Guid jobId, string name) =>
        activity => activity.OperationName == name && Equals(activity.GetTagItem("fluxcaption.job_id"), jobId);
}
