namespace FluxCaption.Web.Components.Rules;

/// <summary>
/// Plain words for the Quartz cron shapes people actually write ("0 0 3 * * ?" is "every day at
/// 03:00"). Anything more unusual gets no hint rather than a wrong one; the Api checks validity.
/// </summary>
public static class CronHint
{
    private static readonly Dictionary<string, string> Days = new(StringComparer.OrdinalIgnoreCase)
    {
        ["1"] = "Sunday", ["SUN"] = "Sunday", ["2"] = "Monday", ["MON"] = "Monday", ["3"] = "Tuesday", ["TUE"] = "Tuesday",
        ["4"] = "Wednesday", ["WED"] = "Wednesday", ["5"] = "Thursday", ["THU"] = "Thursday", ["6"] = "Friday", ["FRI"] = "Friday",
        ["7"] = "Saturday", ["SAT"] = "Saturday",
    };

    public static string? Describe(string? cron)
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
            return minutes == 1 ? "every minute" : $"every {minutes} minutes";
        }

        if (!int.TryParse(minute, out var m) || m is < 0 or > 59)
        {
            return null;
        }

        if (hour == "*" && anyDay)
        {
            return $"every hour at {m:00} minutes past";
        }

        if (Every(hour) is int hours && anyDay)
        {
            return $"every {hours} hours, at {m:00} minutes past";
        }

        if (!int.TryParse(hour, out var h) || h is < 0 or > 23)
        {
            return null;
        }

        var time = $"{h:00}:{m:00}";
        if (anyDay)
        {
            return $"every day at {time}";
        }

        if (dayOfMonth == "?" && DayList(dayOfWeek) is { } days)
        {
            return $"{days} at {time}";
        }

        return dayOfWeek == "?" && int.TryParse(dayOfMonth, out var day) && day is >= 1 and <= 31
            ? $"on day {day} of every month at {time}"
            : null;
    }

    private static int? Every(string field) =>
        (field.StartsWith("0/", StringComparison.Ordinal) || field.StartsWith("*/", StringComparison.Ordinal))
        && int.TryParse(field[2..], out var step) && step > 0 ? step : null;

    private static string? DayList(string field)
    {
        var range = field.Split('-');
        if (range.Length == 2 && Days.TryGetValue(range[0], out var from) && Days.TryGetValue(range[1], out var to))
        {
            return $"{from} to {to}";
        }

        var names = field.Split(',').Select(day => Days.GetValueOrDefault(day)).ToList();
        return names.All(name => name is not null) ? "every " + string.Join(", ", names) : null;
    }
}
