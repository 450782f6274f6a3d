using System.Globalization;

namespace FluxCaption.Web.Components.Account;

/// <summary>When a lockout ends, in the reader's culture and the server's time zone (named, so nobody has to guess).</summary>
internal static class LockoutText
{
    public static string Format(DateTimeOffset? until)
    {
        var local = TimeZoneInfo.ConvertTime(until ?? DateTimeOffset.UtcNow, TimeZoneInfo.Local);
        var offset = local.Offset;
        var zone = offset == TimeSpan.Zero ? "UTC" : $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm}";
        return $"{local.ToString("g", CultureInfo.CurrentCulture)} ({zone})";
    }
}
