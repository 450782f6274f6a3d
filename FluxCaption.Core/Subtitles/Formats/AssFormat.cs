namespace FluxCaption.Core.Subtitles.Formats;

/// <summary>Names and defaults shared by the ASS/SSA reader and writer.</summary>
internal static class AssFormat
{
    public const string EventsSection = "Events";

    public static readonly string[] DefaultAssEventFormat =
        ["Layer", "Start", "End", "Style", "Name", "MarginL", "MarginR", "MarginV", "Effect", "Text"];

    public static readonly string[] DefaultSsaEventFormat =
        ["Marked", "Start", "End", "Style", "Name", "MarginL", "MarginR", "MarginV", "Effect", "Text"];

    // Inside [Fonts]/[Graphics] only these count as headers: UU-encoded data lines can start with '['.
    private static readonly HashSet<string> KnownSections = new(StringComparer.OrdinalIgnoreCase)
    {
        "Script Info", "V4+ Styles", "V4 Styles", "V4++ Styles", "Events", "Fonts", "Graphics",
        "Aegisub Project Garbage", "Aegisub Extradata",
    };

    public static bool IsEvents(AssSection section) =>
        string.Equals(section.Name, EventsSection, StringComparison.OrdinalIgnoreCase);

    public static bool IsAttachmentSection(string name) =>
        name.Equals("Fonts", StringComparison.OrdinalIgnoreCase) || name.Equals("Graphics", StringComparison.OrdinalIgnoreCase);

    public static string? SectionName(string line, string? currentSection)
    {
        var trimmed = line.Trim();
        if (trimmed.Length < 3 || trimmed[0] != '[' || trimmed[^1] != ']')
        {
            return null;
        }

        var name = trimmed[1..^1];
        if (currentSection is not null && IsAttachmentSection(currentSection))
        {
            return KnownSections.Contains(name) ? name : null;
        }

        var plausible = name.Length <= 40 && name.All(c => char.IsLetterOrDigit(c) || c is ' ' or '+' or '_' or '-' or '.');
        return plausible ? name : null;
    }

    public static string Canonical(string field) => field.Trim().ToLowerInvariant() switch
    {
        "actor" => "name",
        var other => other,
    };

    public static bool IsFieldLine(string line, string key, out string value)
    {
        value = "";
        var trimmed = line.TrimStart();
        if (!trimmed.StartsWith(key, StringComparison.OrdinalIgnoreCase) || trimmed.Length <= key.Length || trimmed[key.Length] != ':')
        {
            return false;
        }

        value = trimmed[(key.Length + 1)..];
        return true;
    }
}
