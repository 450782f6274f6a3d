using FluxCaption.Web.Services;
using Microsoft.Extensions.Localization;

namespace FluxCaption.Web.Components.Settings;

/// <summary>Turns the Api's connection-test code into a sentence a person understands at a glance.</summary>
public sealed class ConnectionVerdict(IStringLocalizer<ConnectionVerdict> localizer)
{
    public string Headline(JellyfinTestView result) => result.Code switch
    {
        "ok" => result.Version is null
            ? localizer["Connected to {0}.", result.ServerName ?? localizer["the Jellyfin server"]]
            : localizer["Connected to {0} (Jellyfin {1}).", result.ServerName ?? localizer["the Jellyfin server"], result.Version],
        "unreachable" => localizer["The server could not be reached: check the address and that Jellyfin is running."],
        "not_jellyfin" => localizer["Something answered at that address, but it is not a Jellyfin server."],
        "unsupported_version" => result.Version is null
            ? localizer["This Jellyfin version is too old for FluxCaption."]
            : localizer["This Jellyfin version ({0}) is too old for FluxCaption.", result.Version],
        "unauthorized" => localizer["Jellyfin refused the API key: create one in Jellyfin's Dashboard > API Keys."],
        "not_admin" => localizer["The key works but does not belong to an administrator, so subtitles cannot be uploaded."],
        _ => localizer["The connection test failed."],
    };
}
