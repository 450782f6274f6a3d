using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace FluxCaption.Benchmarks.Faults;

/// <summary>A job's row as the harness reads it straight from the database (the Api may be down).</summary>
internal sealed record JobRow(Guid Id, string Status, DateTimeOffset? FinishedAt, string? ErrorCode, string? ErrorMessage, string? LeaseOwner, int Attempt);

/// <summary>
/// How the harness talks to the cluster: uploads through the Api like any client, and reads job rows,
/// events and stored documents from PostgreSQL directly, so it can watch while the Api is down.
/// </summary>
internal sealed class FaultJournal(FaultCluster cluster, HttpClient http) : IAsyncDisposable
{
    private readonly NpgsqlDataSource _database = NpgsqlDataSource.Create(cluster.Postgres.ConnectionString);

    /// <summary>Uploads one file; null when the Api refused it or was unreachable (the caller retries).</summary>
    public async Task<Guid?> TrySubmitAsync(string srt, string fileName, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(srt)), "file", fileName },
            { new StringContent("en"), "sourceLanguage" },
            { new StringContent("es"), "targetLanguage" },
            { new StringContent("apertium"), "engine" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(cluster.ApiAddress, "api/jobs/translate")) { Content = form };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            using var response = await SendAsync(request, timeout.Token);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                return body.RootElement.GetProperty("id").GetGuid();
            }

            if ((int)response.StatusCode < 500)
            {
                // A 4xx is the harness's own mistake, not an outage: retrying would hide it.
                throw new InvalidOperationException($"The Api rejected an upload: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }

            return null;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or SocketException
                                      || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }

    public async Task WaitForApiAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(cluster.ApiAddress, "api/jobs?pageSize=1"));
                using var response = await SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"The Api did not answer within {limit}; see {cluster.LogFolder}/api.log.");
            }

            await Task.Delay(500, cancellationToken);
        }
    }

    /// <summary>The translated file as a client downloads it.</summary>
    public async Task<string> GetResultAsync(Guid id, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(cluster.ApiAddress, $"api/jobs/{id}/result"));
        using var response = await SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>Waits until the named consumer holds a running job; false when the limit passed first.</summary>
    public async Task<bool> WaitForRunningJobOfAsync(string consumer, TimeSpan limit, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            var rows = await TryReadJobsAsync(null, cancellationToken);
            if (rows?.Any(row => row.Status == "running" && row.LeaseOwner?.Contains(consumer, StringComparison.Ordinal) == true) == true)
            {
                return true;
            }

            await Task.Delay(100, cancellationToken);
        }

        return false;
    }

    /// <summary>The given jobs' rows (every job when null); null while the database is unreachable.</summary>
    public async Task<IReadOnlyList<JobRow>?> TryReadJobsAsync(IReadOnlyCollection<Guid>? ids, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = _database.CreateCommand(
                "SELECT id, status, finished_at, error_code, error_message, lease_owner, attempt FROM jobs WHERE @all OR id = ANY(@ids)");
            command.Parameters.AddWithValue("all", ids is null);
            command.Parameters.AddWithValue("ids", (ids ?? []).ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<JobRow>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new JobRow(reader.GetGuid(0), reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetInt32(6)));
            }

            return rows;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            return null;
        }
    }

    /// <summary>Per job: its `job.started` and `job.succeeded` events, and the documents stored from its source.</summary>
    public async Task<IReadOnlyDictionary<Guid, (long Started, long Succeeded, long Documents)>> ReadWriteCountsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        await using var command = _database.CreateCommand("""
            SELECT j.id,
                   (SELECT count(*) FROM job_events e WHERE e.job_id = j.id AND e.type = 'job.started'),
                   (SELECT count(*) FROM job_events e WHERE e.job_id = j.id AND e.type = 'job.succeeded'),
                   (SELECT count(*) FROM subtitle_documents d WHERE d.source_document_id = j.source_document_id)
            FROM jobs j WHERE j.id = ANY(@ids)
            """);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<Guid, (long, long, long)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetGuid(0)] = (reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        }

        return counts;
    }

    /// <summary>Jobs created since <paramref name="since"/> that no upload got an answer for (an upload retried after its first try was stored).</summary>
    public async Task<long> CountUnansweredJobsAsync(DateTimeOffset since, IReadOnlyCollection<Guid> answered, CancellationToken cancellationToken)
    {
        await using var command = _database.CreateCommand("SELECT count(*) FROM jobs WHERE created_at >= @since AND NOT (id = ANY(@ids))");
        command.Parameters.AddWithValue("since", since);
        command.Parameters.AddWithValue("ids", answered.ToArray());
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Add("X-Api-Key", cluster.ApiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return http.SendAsync(request, cancellationToken);
    }
}
