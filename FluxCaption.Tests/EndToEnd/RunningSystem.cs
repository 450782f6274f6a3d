using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluxCaption.Core.Subtitles;
using FluxCaption.Tests.Api;
using FluxCaption.Tests.Infrastructure;

namespace FluxCaption.Tests.EndToEnd;

/// <summary>
/// FluxCaption as a user runs it: the Api (in-process, real HTTP pipeline) and the real Worker
/// executable as a child process, sharing one database and Redis prefix, configured only through
/// the keys Aspire injects.
/// </summary>
public sealed class RunningSystem : IAsyncDisposable
{
    private RunningSystem(ApiFactory api, WorkerProcess worker, HttpClient client)
    {
        Api = api;
        Worker = worker;
        Client = client;
    }

    public ApiFactory Api { get; }

    public WorkerProcess Worker { get; }

    public HttpClient Client { get; }

    /// <param name="settings">More configuration for both the Api and the Worker (e.g. the speech engine).</param>
    public static async Task<RunningSystem> StartAsync(
        PostgresServer postgres, RedisServer redis, string? llmConnectionString = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var overrides = new Dictionary<string, string?> { ["ConnectionStrings:llm"] = llmConnectionString };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var api = await ApiFactory.CreateAsync(postgres, redis, overrides);
        var worker = WorkerProcess.Start(api.WorkerEnvironment());
        return new RunningSystem(api, worker, api.CreateAuthorizedClient());
    }

    public async Task<Guid> UploadAsync(MultipartFormDataContent form, CancellationToken cancellationToken)
    {
        using var response = await Client.PostAsync("/api/jobs/translate", form, cancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(cancellationToken));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
    }

    /// <summary>Polls the job until it ends; fails with the Worker's output when it does not end in time.</summary>
    public async Task<JsonElement> WaitUntilFinishedAsync(Guid id, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var job = await Client.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}", cancellationToken);
            if (job.GetProperty("status").GetString() is "succeeded" or "failed" or "cancelled")
            {
                return job;
            }

            if (DateTime.UtcNow > deadline || Worker.HasExited)
            {
                throw new TimeoutException($"Job {id} is still {job.GetProperty("status")} ({job.GetProperty("progress")}). Worker output:\n{Worker.Output}");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    public async Task<(SubtitleDocument Document, HttpResponseMessage Response)> DownloadAsync(Guid id, CancellationToken cancellationToken)
    {
        var response = await Client.GetAsync($"/api/jobs/{id}/result", cancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName;
        return (SubtitleFile.Load(bytes, name), response);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Worker.DisposeAsync();
        await Api.DisposeAsync();
    }
}
