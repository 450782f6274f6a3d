namespace FluxCaption.Core.Libraries.Jellyfin;

/// <summary>
/// "Test connection": the anonymous <c>/System/Info/Public</c> proves the address is a Jellyfin server
/// and gives its version; <c>/Library/VirtualFolders</c> then proves the key works and is an administrator's.
/// </summary>
public sealed class JellyfinConnectionTester(JellyfinClient client, IJellyfinConnectionProvider connections) : IJellyfinConnectionTester
{
    /// <summary>
    /// The oldest server FluxCaption supports: 10.9 is the first line whose upload takes IsHearingImpaired
    /// and whose stream list marks hearing-impaired tracks, which coverage and write-back rely on.
    /// </summary>
    public static readonly Version MinimumVersion = new(10, 9, 0);

    public async Task<JellyfinConnectionTestResult> TestAsync(JellyfinConnection connection, CancellationToken cancellationToken)
    {
        JellyfinSystemInfo info;
        try
        {
            info = await client.GetPublicSystemInfoAsync(connection, cancellationToken);
        }
        catch (MediaSourceException ex) when (ex.Code is "source_unreachable" or "source_timeout")
        {
            return Fail("unreachable", $"Nothing answered at {connection.BaseUrl}: check the address (with http:// or https:// and the port, usually 8096) and that Jellyfin is running.");
        }
        catch (MediaSourceException ex) when (ex.Code is "not_jellyfin" or "item_not_found" or "source_unauthorized" or "source_forbidden" or "source_bad_request")
        {
            return Fail("not_jellyfin", $"The server at {connection.BaseUrl} answered, but not as Jellyfin does: check the address (a reverse proxy may need its base path).");
        }
        catch (MediaSourceException ex)
        {
            return Fail("error", $"Jellyfin at {connection.BaseUrl} failed: {ex.Message}");
        }

        if (string.IsNullOrWhiteSpace(info.Version) || !TryParseVersion(info.Version, out var version))
        {
            return Fail("not_jellyfin", $"The server at {connection.BaseUrl} did not say which Jellyfin version it runs: is it a Jellyfin server?");
        }

        if (version < MinimumVersion)
        {
            return Fail("unsupported_version", $"Jellyfin {info.Version} is too old: FluxCaption needs {MinimumVersion.ToString(2)} or newer. Update the server.") with
            {
                ServerName = info.ServerName,
                Version = info.Version,
            };
        }

        try
        {
            await client.GetVirtualFoldersAsync(connection, cancellationToken);
        }
        catch (MediaSourceException ex)
        {
            var failure = ex.Code switch
            {
                "source_unauthorized" => Fail("unauthorized", "Jellyfin refused the API key: create one in Dashboard > API Keys and paste it here."),
                "source_forbidden" => Fail("not_admin", "The key works but is not an administrator's: FluxCaption needs an API key (Dashboard > API Keys) or an administrator's token to list libraries and upload subtitles."),
                "source_unreachable" or "source_timeout" => Fail("unreachable", $"Jellyfin at {connection.BaseUrl} stopped answering during the test: try again."),
                _ => Fail("error", $"Jellyfin at {connection.BaseUrl} failed: {ex.Message}"),
            };
            return failure with { ServerName = info.ServerName, Version = info.Version };
        }

        return new JellyfinConnectionTestResult(true, "ok", $"Connected to {info.ServerName ?? "Jellyfin"} (Jellyfin {info.Version}) as an administrator.")
        {
            ServerName = info.ServerName,
            Version = info.Version,
        };
    }

    /// <summary>Tests the saved connection; "not_configured" when there is none.</summary>
    public async Task<JellyfinConnectionTestResult> TestConfiguredAsync(CancellationToken cancellationToken)
    {
        var connection = await connections.GetAsync(cancellationToken);
        return connection is null
            ? Fail("not_configured", "No Jellyfin server is configured: enter its address and an API key, then test again.")
            : await TestAsync(connection, cancellationToken);
    }

    // "10.11.0", "12.0.0-rc1", "10.10.7.0"
    internal static bool TryParseVersion(string text, out Version version)
    {
        var numeric = text.Split('-', '+', ' ')[0];
        return Version.TryParse(numeric, out version!);
    }

    private static JellyfinConnectionTestResult Fail(string code, string message) => new(false, code, message);
}
