using FluxCaption.Web.Services;

namespace FluxCaption.Web.Components.Settings;

/// <summary>Turns the Api's connection-test code into a sentence a person understands at a glance.</summary>
public static class ConnectionVerdict
{
    public static string Headline(JellyfinTestView result) => result.Code switch
    {
        "ok" => $"Connected to {result.ServerName ?? "the Jellyfin server"}{(result.Version is null ? "" : $" (Jellyfin {result.Version})")}.",
        "unreachable" => "The server could not be reached: check the address and that Jellyfin is running.",
        "not_jellyfin" => "Something answered at that address, but it is not a Jellyfin server.",
        "unsupported_version" => $"This Jellyfin version{(result.Version is null ? "" : $" ({result.Version})")} is too old for FluxCaption.",
        "unauthorized" => "Jellyfin refused the API key: create one in Jellyfin's Dashboard > API Keys.",
        "not_admin" => "The key works but does not belong to an administrator, so subtitles cannot be uploaded.",
        _ => "The connection test failed.",
    };
}
