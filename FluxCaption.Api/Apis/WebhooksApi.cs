using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FluxCaption.Api.Apis.Background;
using FluxCaption.Core.Libraries.Requests;
using FluxCaption.Core.Settings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FluxCaption.Api.Apis;

/// <summary>
/// Inbound notifications from the Jellyfin webhook plugin. They carry the webhook secret, not the
/// Api key: whoever holds the plugin's configuration can then only announce items, nothing else.
/// </summary>
public static partial class WebhooksApi
{
    public const string SecretHeader = "X-FluxCaption-Secret";

    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(SettingsApi.WebhookPath, ReceiveJellyfinAsync)
            .WithTags("Webhooks").WithName("ReceiveJellyfinWebhook")
            .WithSummary($"Jellyfin webhook plugin notifications; authenticated by the {SecretHeader} header or ?secret=")
            .AllowAnonymous()
            .DisableAntiforgery();
        return app;
    }

    public static async Task<Results<Accepted, NoContent, ProblemHttpResult, ValidationProblem>> ReceiveJellyfinAsync(
        HttpRequest http,
        RuntimeSettings settings,
        LibraryRequestQueue requests,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var expected = await settings.GetWebhookSecretAsync(cancellationToken);
        var presented = http.Headers[SecretHeader].FirstOrDefault() ?? http.Query["secret"].FirstOrDefault();
        if (string.IsNullOrEmpty(expected) || !SecretsMatch(expected, presented))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The webhook secret is missing or wrong.",
                detail: $"Send the secret from Settings > Webhook in the {SecretHeader} header.");
        }

        JsonElement body;
        try
        {
            using var document = await JsonDocument.ParseAsync(http.Body, cancellationToken: cancellationToken);
            body = document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["body"] = [$"The body is not JSON: {exception.Message}"] },
                title: "The webhook notification could not be read.");
        }

        if (!JellyfinWebhookNotification.TryParse(body, out var notification, out var field, out var error))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [field] = [error] }, title: "The webhook notification could not be read.");
        }

        var logger = loggers.CreateLogger(typeof(WebhooksApi));
        if (!notification!.IsVideoItemAdded)
        {
            LogIgnored(logger, notification.NotificationType, notification.ItemType);
            return TypedResults.NoContent();
        }

        var itemId = notification.NormalizedItemId!;
        await requests.EnqueueAsync(LibraryRequestKind.JellyfinItemAdded, itemId, cancellationToken);
        LogQueued(logger, itemId);
        return TypedResults.Accepted((string?)null);
    }

    // Compares hashes so neither the length nor a common prefix leaks through timing.
    private static bool SecretsMatch(string expected, string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(presented)));

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored a Jellyfin webhook {NotificationType} for a {ItemType}")]
    private static partial void LogIgnored(ILogger logger, string notificationType, string? itemType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Jellyfin announced item {ItemId}; its sync is queued")]
    private static partial void LogQueued(ILogger logger, string itemId);
}
