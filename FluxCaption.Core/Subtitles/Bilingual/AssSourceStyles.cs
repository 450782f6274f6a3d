using System.Globalization;
using FluxCaption.Core.Subtitles.Formats;

namespace FluxCaption.Core.Subtitles.Bilingual;

/// <summary>
/// Adds to an ASS/SSA script the "&lt;Style&gt;-Source" styles the bilingual source lines use: a copy
/// of the translated line's style at three quarters of its font size in light grey, so the eye finds
/// the translation first. Everything else about the style (font, outline, alignment, margins) is kept,
/// so the pair sits together on the same edge of the picture.
/// </summary>
internal sealed class AssSourceStyles
{
    public const string Suffix = "-Source";

    private const double SizeFactor = 0.75;
    private const string AssGrey = "&H00C8C8C8";
    private const string SsaGrey = "13158600";

    private readonly AssSection? _section;
    private readonly List<string> _fields = [];
    private readonly Dictionary<string, string> _styles = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _created = new(StringComparer.OrdinalIgnoreCase);

    public AssSourceStyles(AssScript script)
    {
        _section = script.Sections.FirstOrDefault(s => s.Name.Trim() is var name
            && (name.Equals("V4+ Styles", StringComparison.OrdinalIgnoreCase) || name.Equals("V4 Styles", StringComparison.OrdinalIgnoreCase)));
        if (_section is null)
        {
            return;
        }

        foreach (var line in _section.Lines)
        {
            if (AssFormat.IsFieldLine(line, "Format", out var format))
            {
                _fields.Clear();
                _fields.AddRange(format.Split(',').Select(f => f.Trim().ToLowerInvariant()));
            }
            else if (AssFormat.IsFieldLine(line, "Style", out var style))
            {
                _styles.TryAdd(Values(style)[0].Trim(), style);
            }
        }
    }

    /// <summary>The name of the source style for <paramref name="style"/>, created on first use; null when the script has no styles to copy.</summary>
    public string? SourceStyleFor(string style)
    {
        var name = style.Trim().TrimStart('*');
        if (_created.TryGetValue(name, out var existing))
        {
            return existing;
        }

        if (_section is null || _fields.Count == 0 || _fields[0] != "name")
        {
            return null;
        }

        var sourceName = name + Suffix;
        if (_styles.ContainsKey(sourceName))
        {
            // Made by an earlier bilingual run: use it as it is.
            return _created[name] = sourceName;
        }

        // An event naming a style the script lacks is drawn with Default; copy what the renderer would use.
        var template = _styles.GetValueOrDefault(name) ?? _styles.GetValueOrDefault("Default") ?? _styles.Values.FirstOrDefault();
        if (template is null)
        {
            return null;
        }

        var values = Values(template);
        for (var i = 0; i < values.Length && i < _fields.Count; i++)
        {
            values[i] = _fields[i] switch
            {
                "name" => sourceName,
                "fontsize" => Smaller(values[i]),
                "primarycolour" => values[i].Trim().StartsWith("&H", StringComparison.OrdinalIgnoreCase) ? AssGrey : SsaGrey,
                _ => values[i],
            };
        }

        var lastStyle = _section.Lines.FindLastIndex(line => AssFormat.IsFieldLine(line, "Style", out _));
        _section.Lines.Insert(lastStyle + 1, "Style: " + string.Join(',', values));
        _styles[sourceName] = string.Join(',', values);
        return _created[name] = sourceName;
    }

    private string[] Values(string style)
    {
        var count = Math.Max(_fields.Count, 1);
        return style.TrimStart().Split(',', count);
    }

    private static string Smaller(string size) =>
        double.TryParse(size.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var points) && points > 0
            ? Math.Max(1, Math.Round(points * SizeFactor)).ToString(CultureInfo.InvariantCulture)
            : size;
}
