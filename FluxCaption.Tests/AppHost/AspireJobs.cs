using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace FluxCaption.Tests.AppHost;

/// <summary>Jobs through the AppHost's Api as a client sees them: upload, read, wait.</summary>
internal static class AspireJobs
{
    public static async Task<Guid> UploadAsync(HttpClient api, MultipartFormDataContent form, CancellationToken ct)
    {
        using var response = await api.PostAsync("/api/jobs/translate", form, ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(ct));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
    }

    public static Task<JsonElement> GetAsync(HttpClient api, Guid id, CancellationToken ct) =>
        api.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}", ct);

    public static Task<JsonElement> WaitUntilFinishedAsync(HttpClient api, Guid id, TimeSpan timeout, CancellationToken ct) =>
        WaitForAsync(api, id, job => job.GetProperty("status").GetString() is "succeeded" or "failed" or "cancelled", timeout, ct);

    public static async Task<JsonElement> WaitForAsync(HttpClient api, Guid id, Func<JsonElement, bool> done, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var job = await GetAsync(api, id, ct);
            if (done(job))
            {
                return job;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Job {id} did not get there in {timeout}: {job}");
            }

            await Task.Delay(200, ct);
        }
    }
}
