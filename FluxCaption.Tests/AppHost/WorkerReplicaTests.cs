using System.Text.Json;
using Aspire.Hosting.Testing;
using FluxCaption.Tests.Api;
using Npgsql;

namespace FluxCaption.Tests.AppHost;

/// <summary>FluxCaption:WorkerReplicas=3: three consumers start side by side and share the queue.</summary>
public sealed class WorkerReplicaTests(ThreeWorkerAspireSystem system) : IClassFixture<ThreeWorkerAspireSystem>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task JobsSpreadOverTheReplicasAndEachRunsOnce()
    {
        using var api = system.CreateApiClient();
        system.Ollama.Latency = TimeSpan.FromSeconds(1.5);
        var ids = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            using var form = TranslateUploads.Form(TranslateUploads.Utf8(TranslateUploads.ThreeCueSrt), $"episode{i}.en.srt", targetLanguage: "de", engine: "ollama");
            ids.Add(await AspireJobs.UploadAsync(api, form, Ct));
        }

        var finished = new List<JsonElement>();
        foreach (var id in ids)
        {
            finished.Add(await AspireJobs.WaitUntilFinishedAsync(api, id, TimeSpan.FromMinutes(3), Ct));
        }

        var starts = await StartsAsync(ids);
        starts.Count.ShouldBe(ids.Count, "each job started exactly once");
        starts.Select(s => s.Worker).Distinct().Count().ShouldBeGreaterThan(1, string.Join(", ", starts.Select(s => s.Worker)));
        finished.ShouldAllBe(job => job.GetProperty("status").GetString() == "succeeded");
    }

    // job.started events say "attempt N on <consumer>"; the database is the AppHost's own.
    private async Task<List<(Guid Job, string Worker)>> StartsAsync(IReadOnlyCollection<Guid> ids)
    {
        var connectionString = await system.App.GetConnectionStringAsync("postgres", Ct);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT job_id, message FROM job_events WHERE type = 'job.started' AND job_id = ANY(@ids)", connection);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        var starts = new List<(Guid, string)>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            var message = reader.GetString(1);
            starts.Add((reader.GetGuid(0), message[(message.IndexOf(" on ", StringComparison.Ordinal) + 4)..]));
        }

        return starts;
    }
}
