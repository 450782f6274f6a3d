using FluxCaption.Core.Languages;
using FluxCaption.Core.Libraries.Coverage;
using FluxCaption.Core.Libraries.Jellyfin;
using FluxCaption.Core.Settings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FluxCaption.Api.Apis;

public static class SettingsApi
{
    public const string WebhookPath = "/api/webhooks/jellyfin";

    public static RouteGroupBuilder MapSettingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/settings").WithTags("Settings").RequireAuthorization();
        api.MapGet("/jellyfin", GetJellyfinAsync).WithName("GetJellyfinSettings").WithSummary("The Jellyfin URL and whether a key is stored");
        api.MapPut("/jellyfin", PutJellyfinAsync).WithName("PutJellyfinSettings").WithSummary("Save the Jellyfin URL and, optionally, a new API key");
        api.MapPost("/jellyfin/test", TestJellyfinAsync).WithName("TestJellyfinConnection")
            .WithSummary("Test the stored connection, or the posted URL and key");
        api.MapGet("/coverage", GetCoverageAsync).WithName("GetCoverageSettings").WithSummary("What counts as having subtitles in a language");
        api.MapPut("/coverage", PutCoverageAsync).WithName("PutCoverageSettings").WithSummary("Change what counts as having subtitles");
        api.MapGet("/webhook", GetWebhookAsync).WithName("GetWebhookSettings").WithSummary("The URL for the Jellyfin webhook plugin; the secret only as 'is set'");
        api.MapPost("/webhook/rotate", RotateWebhookAsync).WithName("RotateWebhookSecret")
            .WithSummary("Generate a new webhook secret; the answer is the only time it is shown");
        api.MapSpeechSettings();
        return api;
    }

    public static async Task<Ok<JellyfinSettingsResponse>> GetJellyfinAsync(RuntimeSettings settings, CancellationToken cancellationToken)
    {
        var jellyfin = await settings.GetJellyfinAsync(cancellationToken);
        return TypedResults.Ok(new JellyfinSettingsResponse(jellyfin.BaseUrl?.ToString(), jellyfin.IsKeySet));
    }

    public static async Task<Results<Ok<JellyfinSettingsResponse>, ValidationProblem>> PutJellyfinAsync(
        JellyfinSettingsRequest request, RuntimeSettings settings, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var url = ParseServerUrl(request.Url, errors);
        var current = await settings.GetJellyfinAsync(cancellationToken);
        if (request.ApiKey is not null && string.IsNullOrWhiteSpace(request.ApiKey))
        {
            errors["apiKey"] = ["apiKey must not be blank; leave it out to keep the stored key."];
        }
        else if (request.ApiKey is null && !current.IsKeySet)
        {
            errors["apiKey"] = ["apiKey is required: no key is stored yet."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The Jellyfin settings are not valid.");
        }

        await settings.SaveJellyfinAsync(url!, request.ApiKey?.Trim(), cancellationToken);
        return TypedResults.Ok(new JellyfinSettingsResponse(url!.ToString(), IsKeySet: true));
    }

    public static async Task<Results<Ok<JellyfinTestResponse>, ValidationProblem, ProblemHttpResult>> TestJellyfinAsync(
        JellyfinTestRequest? request, RuntimeSettings settings, IJellyfinConnectionTester tester, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var stored = await settings.GetJellyfinConnectionAsync(cancellationToken);
        var url = string.IsNullOrWhiteSpace(request?.Url) ? stored?.BaseUrl : ParseServerUrl(request.Url, errors);
        var key = string.IsNullOrWhiteSpace(request?.ApiKey) ? stored?.ApiKey : request.ApiKey.Trim();
        if (url is null && !errors.ContainsKey("url"))
        {
            errors["url"] = ["url is required: no Jellyfin URL is stored yet."];
        }

        if (key is null)
        {
            errors["apiKey"] = ["apiKey is required: no key is stored yet."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Nothing to test.");
        }

        var result = await tester.TestAsync(new JellyfinConnection(url!, key!), cancellationToken);
        return TypedResults.Ok(new JellyfinTestResponse(result.Success, result.Code, result.Message, result.ServerName, result.Version));
    }

    public static async Task<Ok<CoverageSettingsDto>> GetCoverageAsync(RuntimeSettings settings, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToDto(await settings.GetCoverageRulesAsync(cancellationToken)));

    public static async Task<Results<Ok<CoverageSettingsDto>, ValidationProblem>> PutCoverageAsync(
        CoverageSettingsDto request, RuntimeSettings settings, CancellationToken cancellationToken)
    {
        var equivalences = new List<string>();
        var problems = new List<string>();
        foreach (var pair in request.Equivalences ?? [])
        {
            var parts = (pair ?? "").Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && LanguageCodes.TryNormalize(parts[0], out var covering) && LanguageCodes.TryNormalize(parts[1], out var covered))
            {
                equivalences.Add($"{covering}={covered}");
            }
            else
            {
                problems.Add($"'{pair}' is not of the form 'covering=covered' with two known languages (e.g. 'zh-Hant=zh-Hans').");
            }
        }

        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["equivalences"] = [.. problems] }, title: "The coverage settings are not valid.");
        }

        var rules = new CoverageRules
        {
            ForcedCounts = request.ForcedCounts,
            HearingImpairedCounts = request.HearingImpairedCounts,
            BitmapCounts = request.BitmapCounts,
            Equivalences = [.. equivalences.Distinct(StringComparer.Ordinal)],
        };
        await settings.SaveCoverageRulesAsync(rules, cancellationToken);
        return TypedResults.Ok(ToDto(rules));
    }

    public static async Task<Ok<WebhookSettingsResponse>> GetWebhookAsync(
        HttpRequest http, RuntimeSettings settings, CancellationToken cancellationToken) =>
        TypedResults.Ok(new WebhookSettingsResponse(
            WebhookUrl(http), WebhooksApi.SecretHeader, await settings.IsWebhookSecretSetAsync(cancellationToken), Secret: null));

    public static async Task<Ok<WebhookSettingsResponse>> RotateWebhookAsync(
        HttpRequest http, RuntimeSettings settings, CancellationToken cancellationToken)
    {
        var secret = await settings.RotateWebhookSecretAsync(cancellationToken);
        return TypedResults.Ok(new WebhookSettingsResponse(WebhookUrl(http), WebhooksApi.SecretHeader, IsSecretSet: true, secret));
    }

    private static string WebhookUrl(HttpRequest http) => $"{http.Scheme}://{http.Host}{http.PathBase}{WebhookPath}";

    private static CoverageSettingsDto ToDto(CoverageRules rules) =>
        new(rules.ForcedCounts, rules.HearingImpairedCounts, rules.BitmapCounts, rules.Equivalences);

    private static Uri? ParseServerUrl(string? value, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors["url"] = ["url is required (e.g. http://jellyfin:8096)."];
            return null;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            errors["url"] = [$"'{value}' is not an absolute http or https URL."];
            return null;
        }

        if (!string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment) || !string.IsNullOrEmpty(url.UserInfo))
        {
            errors["url"] = ["url must be the server's base address, without query, fragment or credentials."];
            return null;
        }

        // One spelling, with a trailing slash, so relative API paths append cleanly.
        var path = url.AbsolutePath.EndsWith('/') ? url.AbsolutePath : url.AbsolutePath + "/";
        return new UriBuilder(url.Scheme, url.Host, url.Port, path).Uri;
    }
}
