using System.Globalization;
using FluxCaption.Web.Services;

namespace FluxCaption.Web.Components.Libraries;

/// <summary>A library's last sync in plain words, and times as people read them ("5 minutes ago").</summary>
public static class SyncStatusText
{
    public static string Status(LibrarySyncView sync, bool waiting) => (sync.Status, waiting) switch
    {
        ("running", _) => "Syncing now",
        (_, true) => "Waiting to start",
        (null, _) => "Never synced",
        ("succeeded", _) => "Synced",
        ("failed", _) => "Sync failed",
        var (other, _) => other!,
    };

    public static string Detail(LibrarySyncView sync, DateTimeOffset now) => sync.Status switch
    {
        null => "Press \"Sync now\" to read its videos.",
        "running" when sync.StartedAt is { } started => $"started {Ago(started, now)}",
        _ when sync.FinishedAt is { } finished => $"{Ago(finished, now)}, {Videos(sync.ItemCount)} seen",
        _ => "",
    };

    public static string Ago(DateTimeOffset when, DateTimeOffset now)
    {
        var elapsed = now - when;
        return elapsed switch
        {
            { TotalSeconds: < 60 } => "just now",
            { TotalMinutes: < 60 } => $"{(int)elapsed.TotalMinutes} min ago",
            { TotalHours: < 24 } => $"{(int)elapsed.TotalHours} h ago",
            _ => when.ToLocalTime().ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture),
        };
    }

    public static string Videos(int count) => count == 1 ? "1 video" : $"{count.ToString("N0", CultureInfo.InvariantCulture)} videos";
}
