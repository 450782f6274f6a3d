using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace FluxCaption.Tests.Api.Libraries;

internal static class Problems
{
    /// <summary>Asserts a 400 ProblemDetails whose errors name <paramref name="field"/>; returns the first message.</summary>
    public static async Task<string> ShouldNameFieldAsync(this HttpResponseMessage response, string field)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty(field, out var messages).ShouldBeTrue($"errors name {string.Join(", ", errors.EnumerateObject().Select(p => p.Name))}, not {field}");
        return messages[0].GetString()!;
    }
}
