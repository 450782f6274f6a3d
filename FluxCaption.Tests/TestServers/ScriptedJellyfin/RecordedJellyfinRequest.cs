namespace FluxCaption.Tests.TestServers.ScriptedJellyfin;

/// <summary>One request the scripted Jellyfin received, with what tests assert on.</summary>
internal sealed record RecordedJellyfinRequest(
    string Method,
    string Path,
    string QueryString,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    DateTimeOffset ReceivedAt)
{
    public int StatusCode { get; set; }

    public string? Query(string name)
    {
        var parsed = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(QueryString);
        return parsed.TryGetValue(name, out var value) ? value.ToString() : null;
    }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
