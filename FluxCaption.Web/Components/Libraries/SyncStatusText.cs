using System.Globalization;
using FluxCaption.Web.Services;
using Microsoft.Extensions.Localization;

namespace FluxCaption.Web.Components.Libraries;

/// <summary>
/// A library's last sync in plain words, and times as people read them ("5 minutes ago"). The status and
/// the line under it always agree: a sync that was asked for and has not started says so in both, never
/// "press Sync now". A class rather than a static one only so its texts have a name of their own
/// (<c>IStringLocalizer&lt;SyncStatusText&gt;</c>).
/// </summary>
public sealed class SyncStatusText
{
    private SyncStatusText()
    {
    }

    public static string Status(LibrarySyncView sync, bool waiting, IStringLocalizer<SyncStatusText> L) => (sync.Status, waiting) switch
    {
        ("running", _) => L["Syncing now"],
        (_, true) => L["Waiting to start"],
        (null, _) => L["Never synced"],
        ("succeeded", _) => L["Synced"],
        ("failed", _) => L["Sync failed"],
        var (other, _) => other!,
    };

    public static string Detail(LibrarySyncView sync, bool waiting, DateTimeOffset now, IStringLocalizer<SyncStatusText> L) => (sync.Status, waiting) switch
    {
        ("running", _) when sync.StartedAt is { } started => L["started {0}", Ago(started, now, L)],
        (null, true) => L["The first sync starts as soon as a worker is free."],
        (_, true) when sync.FinishedAt is { } finished => L["Last synced {0}; the new sync starts as soon as a worker is free.", Ago(finished, now, L)],
        (null, false) => L["Press \"Sync now\" to read its videos."],
        _ when sync.FinishedAt is { } finished => L["{0}, {1} seen", Ago(finished, now, L), Videos(sync.ItemCount, L)],
        _ => "",
    };

    public static string Ago(DateTimeOffset when, DateTimeOffset now, IStringLocalizer<SyncStatusText> L)
    {
        var elapsed = now - when;
        return elapsed switch
        {
            { TotalSeconds: < 60 } => L["just now"],
            { TotalMinutes: < 60 } => L["{0} min ago", (int)elapsed.TotalMinutes],
            { TotalHours: < 24 } => L["{0} h ago", (int)elapsed.TotalHours],
            _ => when.ToLocalTime().ToString("g", CultureInfo.CurrentCulture),
        };
    }

    public static string Videos(int count, IStringLocalizer<SyncStatusText> L) =>
        count == 1 ? L["1 video"] : L["{0} videos", count.ToString("N0", CultureInfo.CurrentCulture)];
}
