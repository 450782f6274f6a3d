using Microsoft.AspNetCore.Http;

namespace FluxCaption.Tests.TestServers.ScriptedJellyfin;

internal sealed partial class ScriptedJellyfinServer
{
    private const string UserKey = "scripted-jellyfin-user";

    /// <summary>Which caller a request carries: null when none of the accepted forms holds a known token.</summary>
    public (bool Known, bool IsAdministrator, string? UserId) Caller(HttpRequest request)
    {
        var token = ModernToken(request);
        if (token == ApiKey)
        {
            return (true, true, null);
        }

        return token == UserToken ? (true, UserIsAdministrator, UserId) : (false, false, null);
    }

    // 12.0 reads only `Authorization: MediaBrowser ... Token="..."` and `ApiKey=`; X-Emby-Token,
    // X-MediaBrowser-Token, X-Emby-Authorization, `Authorization: Emby` and `api_key=` are ignored, so
    // a request that carries only those is anonymous and gets 401.
    private static string? ModernToken(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("MediaBrowser ", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var part in authorization["MediaBrowser ".Length..].Split(','))
            {
                var pair = part.Trim().Split('=', 2);
                if (pair.Length == 2 && pair[0].Trim().Equals("Token", StringComparison.OrdinalIgnoreCase))
                {
                    return Uri.UnescapeDataString(pair[1].Trim().Trim('"'));
                }
            }
        }

        return request.Query.TryGetValue("ApiKey", out var key) ? key.ToString() : null;
    }

    private async Task AuthenticateAsync(HttpContext context, Func<Task> next)
    {
        var endpoint = context.GetEndpoint();
        var path = context.Request.Path.Value ?? "";
        if (endpoint?.Metadata.GetMetadata<Anonymous>() is not null || path.Equals("/System/Info/Public", StringComparison.OrdinalIgnoreCase))
        {
            await next();
            return;
        }

        var caller = Caller(context.Request);
        if (!caller.Known)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (endpoint?.Metadata.GetMetadata<AdminOnly>() is not null && !caller.IsAdministrator)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        context.Items[UserKey] = caller.UserId;
        await next();
    }

    private sealed class Anonymous
    {
        public static readonly Anonymous Instance = new();
    }

    private sealed class AdminOnly
    {
        public static readonly AdminOnly Instance = new();
    }
}
