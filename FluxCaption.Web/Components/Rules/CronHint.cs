using Microsoft.Extensions.Localization;

namespace FluxCaption.Web.Components.Rules;

/// <summary>
/// Plain words for the Quartz cron shapes people actually write ("0 0 3 * * ?" is "every day at
/// 03:00"). Anything more unusual gets no hint rather than a wrong one; the Api checks validity.
/// Each shape is one whole sentence to translate, so a language can put the time and the days in
/// its own order. A class rather than a static one only because it names its own texts
/// (<c>IStringLocalizer&lt;CronHint&gt;</c>, resources keyed by the English sentence).
/// </summary>
public sealed class CronHint
{
    private static readonly Dictionary<string, string> Days = new(StringComparer.OrdinalIgnoreCase)
    {
        ["1"] = "Sunday", ["SUN"] = "Sunday", ["2"] = "Monday", ["MON"] = "Monday", ["3"] = "Tuesday", ["TUE"] = "Tuesday",
        ["4"] = "Wednesday", ["WED"] = "Wednesday", ["5"] = "Thursday", ["THU"] = "Thursday", ["6"] = "Friday", ["FRI"] = "Friday",
        ["7"] = "Saturday", ["SAT"] = "Saturday",
    };

    private CronHint()
    {
    }

    public static string? Describe(string? cron, IStringLocalizer<CronHint> L)
    {
        var parts = (cron ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 6 or > 7 || parts[0] != "0" || parts[4] != "*" || (parts.Length == 7 && parts[6] != "*"))
        {
            return null;
        }

        var (minute, hour, dayOfMonth, dayOfWeek) = (parts[1], parts[2], parts[3], parts[5]);
        var anyDay = dayOfMonth is "*" or "?" && dayOfWeek is "*" or "?";
        if (Every(minute) is int minutes && hour == "*" && anyDay)
        {
            return minutes == 1 ? L["every minute"] : L["every {0} minutes", minutes];
        }

        if (!int.TryParse(minute, out var m) || m is < 0 or > 59)
        {
            return null;
        }

        if (hour == "*" && anyDay)
        {
            return L["every hour at {0} minutes past", $"{m:00}"];
        }

        if (Every(hour) is int hours && anyDay)
        {
            return L["every {0} hours, at {1} minutes past", hours, $"{m:00}"];
        }

        if (!int.TryParse(hour, out var h) || h is < 0 or > 23)
        {
            return null;
        }

        var time = $"{h:00}:{m:00}";
        if (anyDay)
        {
            return L["every day at {0}", time];
        }

        if (dayOfMonth == "?" && DayRange(dayOfWeek) is var (from, to))
        {
            return L["{0} to {1} at {2}", DayName(from, L), DayName(to, L), time];
        }

        if (dayOfMonth == "?" && DayList(dayOfWeek) is { } days)
        {
            return L["every {0} at {1}", string.Join(L[", "], days.Select(day => DayName(day, L))), time];
        }

        return dayOfWeek == "?" && int.TryParse(dayOfMonth, out var day) && day is >= 1 and <= 31
            ? L["on day {0} of every month at {1}", day, time].Value
            : null;
    }

    private static string DayName(string day, IStringLocalizer<CronHint> L) => day switch
    {
        "Sunday" => L["Sunday"],
        "Monday" => L["Monday"],
        "Tuesday" => L["Tuesday"],
        "Wednesday" => L["Wednesday"],
        "Thursday" => L["Thursday"],
        "Friday" => L["Friday"],
        "Saturday" => L["Saturday"],
        _ => day,
    };

    private static int? Every(string field) =>
        (field.StartsWith("0/", StringComparison.Ordinal) || field.StartsWith("*/", StringComparison.Ordinal))
        && int.TryParse(field[2..], out var step) && step > 0 ? step : null;

    private static (string From, string To)? DayRange(string field)
    {
        var range = field.Split('-');
        return range.Length == 2 && Days.TryGetValue(range[0], out var from) && Days.TryGetValue(range[1], out var to) ? (from, to) : null;
    }

    private static List<string>? DayList(string field)
    {
        var names = field.Split(',').Select(day => Days.GetValueOrDefault(day)).ToList();
        return names.All(name => name is not null) ? [.. names.OfType<string>()] : null;
    }
}
