using System.Globalization;

namespace FluxCaption.Core.Ocr.VobSub;

/// <summary>One subtitle stream listed in an .idx file: its language, its substream index and its captions' positions.</summary>
public sealed record VobSubIndexStream(string Language, int Index, IReadOnlyList<VobSubIndexEntry> Entries);

/// <summary>A caption's timestamp and the byte offset in the .sub file of the pack where it starts.</summary>
public sealed record VobSubIndexEntry(TimeSpan Timestamp, long FilePosition);

/// <summary>
/// The text header of a VobSub pair (.idx), also what Matroska and MP4 carry as a <c>dvd_subtitle</c> track's
/// private data: frame size, the 16-colour palette the pictures index into, and per stream the
/// <c>timestamp: hh:mm:ss:mmm, filepos: hex</c> lines. Unknown lines are ignored.
/// </summary>
public sealed record VobSubIndex(int Width, int Height, IReadOnlyList<uint> Palette, IReadOnlyList<VobSubIndexStream> Streams)
{
    public static VobSubIndex Parse(string text)
    {
        var (width, height) = (720, 576);
        IReadOnlyList<uint>? palette = null;
        var streams = new List<VobSubIndexStream>();
        List<VobSubIndexEntry>? entries = null;
        var delay = TimeSpan.Zero;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (line.StartsWith('#') || colon < 0)
            {
                continue;
            }

            var value = line[(colon + 1)..].Trim();
            switch (line[..colon].Trim().ToLowerInvariant())
            {
                case "size":
                    (width, height) = ReadSize(value);
                    break;
                case "palette":
                    palette = ReadPalette(value);
                    break;
                case "id":
                    entries = [];
                    delay = TimeSpan.Zero;
                    streams.Add(ReadStream(value, entries));
                    break;
                case "delay":
                    delay = ReadTime(value.TrimStart('+'), line);
                    break;
                case "timestamp" when entries is not null:
                    entries.Add(ReadEntry(value, delay, line));
                    break;
            }
        }

        return new VobSubIndex(width, height,
            palette ?? throw Damaged("it has no 'palette:' line, so the pictures' colours are unknown"), streams);
    }

    private static (int Width, int Height) ReadSize(string value)
    {
        var parts = value.Split('x', StringSplitOptions.TrimEntries);
        return parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var width)
            && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var height)
            ? (width, height)
            : throw Damaged($"'size: {value}' is not WIDTHxHEIGHT");
    }

    private static uint[] ReadPalette(string value)
    {
        var colours = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (colours.Length != 16)
        {
            throw Damaged($"the palette has {colours.Length} colours instead of 16");
        }

        return colours.Select(colour => uint.TryParse(colour, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb)
            ? rgb
            : throw Damaged($"'{colour}' in the palette is not a hexadecimal RGB colour")).ToArray();
    }

    private static VobSubIndexStream ReadStream(string value, List<VobSubIndexEntry> entries)
    {
        // "id: en, index: 0"
        var parts = value.Split(',', StringSplitOptions.TrimEntries);
        var language = parts[0];
        var index = parts.Skip(1).Select(part => part.Split(':', StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2 && pair[0].Equals("index", StringComparison.OrdinalIgnoreCase))
            .Select(pair => int.TryParse(pair[1], CultureInfo.InvariantCulture, out var number) ? number : -1)
            .FirstOrDefault(-1);
        return index is >= 0 and < 32 ? new VobSubIndexStream(language, index, entries) : throw Damaged($"'id: {value}' has no index between 0 and 31");
    }

    private static VobSubIndexEntry ReadEntry(string value, TimeSpan delay, string line)
    {
        // "00:00:01:000, filepos: 000000000"
        var comma = value.IndexOf(',', StringComparison.Ordinal);
        var position = comma < 0 ? "" : value[(comma + 1)..].Trim();
        if (comma < 0 || !position.StartsWith("filepos:", StringComparison.OrdinalIgnoreCase)
            || !long.TryParse(position["filepos:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var filePosition))
        {
            throw Damaged($"'{line}' has no hexadecimal filepos");
        }

        return new VobSubIndexEntry(ReadTime(value[..comma].Trim(), line) + delay, filePosition);
    }

    private static TimeSpan ReadTime(string value, string line)
    {
        var negative = value.StartsWith('-');
        var parts = value.TrimStart('-').Split(':');
        if (parts.Length != 4 || !parts.All(part => int.TryParse(part, CultureInfo.InvariantCulture, out _)))
        {
            throw Damaged($"'{line}' does not hold a time as hh:mm:ss:mmm");
        }

        var numbers = parts.Select(part => int.Parse(part, CultureInfo.InvariantCulture)).ToArray();
        var time = new TimeSpan(0, numbers[0], numbers[1], numbers[2], numbers[3]);
        return negative ? -time : time;
    }

    private static OcrException Damaged(string why) => new(OcrErrorCodes.BadTrack, $"The VobSub index (.idx) cannot be read: {why}.");
}
