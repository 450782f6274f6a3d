namespace FluxCaption.Core.Subtitles.Formats;

/// <summary>Text split into lines, with the line ending and final-newline facts writers need to reproduce it.</summary>
internal sealed class TextLines
{
    private TextLines(List<string> lines, string newLine, bool endsWithNewLine)
    {
        Lines = lines;
        NewLine = newLine;
        EndsWithNewLine = endsWithNewLine;
    }

    public List<string> Lines { get; }

    public string NewLine { get; }

    public bool EndsWithNewLine { get; }

    public static TextLines Split(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var lines = new List<string>();
        string? newLine = null;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\r' && c != '\n')
            {
                continue;
            }

            lines.Add(text[start..i]);
            var isCrLf = c == '\r' && i + 1 < text.Length && text[i + 1] == '\n';
            newLine ??= isCrLf ? "\r\n" : c.ToString();
            if (isCrLf)
            {
                i++;
            }

            start = i + 1;
        }

        var endsWithNewLine = start == text.Length && lines.Count > 0;
        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return new TextLines(lines, newLine ?? "\n", endsWithNewLine);
    }

    public static string Join(IReadOnlyList<string> lines, string newLine, bool endsWithNewLine)
    {
        var text = string.Join(newLine, lines);
        return endsWithNewLine && lines.Count > 0 ? text + newLine : text;
    }

    public static bool IsBlank(string line) => string.IsNullOrWhiteSpace(line);
}
