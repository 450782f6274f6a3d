namespace FluxCaption.Core.Libraries.Jellyfin;

/// <summary>The settings page's "test connection": reachability, key, admin rights and version, each with its own message.</summary>
public interface IJellyfinConnectionTester
{
    Task<JellyfinConnectionTestResult> TestAsync(JellyfinConnection connection, CancellationToken cancellationToken);
}

/// <param name="Code">ok, unreachable, unauthorized, not_admin, unsupported_version, not_jellyfin, error.</param>
/// <param name="Message">One sentence for the user that says what is wrong and what to do.</param>
public sealed record JellyfinConnectionTestResult(bool Success, string Code, string Message)
{
    public string? ServerName { get; init; }

    public string? Version { get; init; }
}
