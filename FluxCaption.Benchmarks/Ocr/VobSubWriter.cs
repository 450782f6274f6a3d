using System.Globalization;
using System.Text;

namespace FluxCaption.Benchmarks;

/// <summary>A VobSub caption to write: its picture, place and times.</summary>
internal sealed record VobSubCaption(TimeSpan Start, TimeSpan End, PlacedPicture Picture, bool IsForced = false);

/// <summary>
/// Writes a real VobSub pair (.idx text and .sub MPEG-2 program stream) the way DVD rippers do: each caption a
/// subpicture unit with 2-bit interlaced run-length data and start/stop control sequences, cut into 2048-byte
/// packs of private stream 1 with the timestamp on the first packet, listed in the index by time and pack offset.
/// </summary>
internal static class VobSubWriter
{
    private const int PackSize = 2048;

    /// <summary>Palette entry 1 white, 2 black, 3 grey: <see cref="CaptionRenderer"/>'s fill, outline and edge.</summary>
    public static readonly IReadOnlyList<uint> Palette =
    [
        0x000000, 0xFFFFFF, 0x000000, 0x808080, 0xFF0000, 0x00FF00, 0x0000FF, 0xFFFF00,
        0x00FFFF, 0xFF00FF, 0x404040, 0xC0C0C0, 0x800000, 0x008000, 0x000080, 0x808000,
    ];

    /// <summary>Captions rendered from text, centred near the bottom of a 720x576 frame.</summary>
    public static (string Idx, byte[] Sub) Write(IEnumerable<(TimeSpan Start, TimeSpan End, string Text)> captions, string language = "en", float fontSize = 28) =>
        Write(captions.Select(caption =>
        {
            var picture = CaptionRenderer.Render(caption.Text, fontSize);
            return new VobSubCaption(caption.Start, caption.End, new PlacedPicture(picture, (720 - picture.Width) / 2, 560 - picture.Height));
        }).ToList(), language);

    public static (string Idx, byte[] Sub) Write(IReadOnlyList<VobSubCaption> captions, string language = "en", int streamIndex = 0)
    {
        var sub = new MemoryStream();
        var idx = new StringBuilder();
        idx.Append("# VobSub index file, v7 (do not modify this line!)\n");
        idx.Append("size: 720x576\n");
        idx.Append("palette: ").Append(string.Join(", ", Palette.Select(c => c.ToString("x6", CultureInfo.InvariantCulture)))).Append('\n');
        idx.Append(CultureInfo.InvariantCulture, $"\nid: {language}, index: {streamIndex}\n");
        foreach (var caption in captions)
        {
            var start = caption.Start;
            idx.Append(CultureInfo.InvariantCulture,
                $"timestamp: {start.Hours:D2}:{start.Minutes:D2}:{start.Seconds:D2}:{start.Milliseconds:D3}, filepos: {sub.Position:x9}\n");
            WritePacks(sub, Subpicture(caption), (long)(start.Ticks * 90 / TimeSpan.TicksPerMillisecond), 0x20 + streamIndex);
        }

        return (idx.ToString(), sub.ToArray());
    }

    /// <summary>One subpicture unit: size, control offset, both fields' pixel data, then the start and stop sequences.</summary>
    public static byte[] Subpicture(VobSubCaption caption)
    {
        var (picture, x, y) = (caption.Picture.Picture, caption.Picture.X, caption.Picture.Y);
        var top = Field(picture, 0);
        var bottom = Field(picture, 1);
        var control = 4 + top.Length + bottom.Length;
        var stopSequence = control + 24;
        var unit = new List<byte> { 0, 0, (byte)(control >> 8), (byte)control };
        unit.AddRange(top);
        unit.AddRange(bottom);
        // Start: (forced) start, colours for indexes 3..0, their alphas, the area, the fields' offsets.
        unit.AddRange([0, 0, (byte)(stopSequence >> 8), (byte)stopSequence, caption.IsForced ? (byte)0x00 : (byte)0x01]);
        unit.AddRange([0x03, 0x32, 0x10, 0x04, 0xFF, 0xF0]);
        var (x2, y2) = (x + picture.Width - 1, y + picture.Height - 1);
        unit.AddRange([0x05, (byte)(x >> 4), (byte)(((x & 0x0F) << 4) | (x2 >> 8)), (byte)x2, (byte)(y >> 4), (byte)(((y & 0x0F) << 4) | (y2 >> 8)), (byte)y2]);
        unit.AddRange([0x06, 0, 4, (byte)((4 + top.Length) >> 8), (byte)(4 + top.Length), 0xFF]);
        var delay = (int)((caption.End - caption.Start).Ticks * 90000 / 1024 / TimeSpan.TicksPerSecond);
        unit.AddRange([(byte)(delay >> 8), (byte)delay, (byte)(stopSequence >> 8), (byte)stopSequence, 0x02, 0xFF]);
        unit[0] = (byte)(unit.Count >> 8);
        unit[1] = (byte)unit.Count;
        return [.. unit];
    }

    private static byte[] Field(IndexedPicture picture, int firstRow)
    {
        var nibbles = new List<int>();
        for (var row = firstRow; row < picture.Height; row += 2)
        {
            var line = picture.Pixels.AsSpan(row * picture.Width, picture.Width);
            for (var x = 0; x < line.Length;)
            {
                var colour = line[x];
                var run = 1;
                while (x + run < line.Length && line[x + run] == colour)
                {
                    run++;
                }

                if (x + run == line.Length && run > 255)
                {
                    // A run of 0 fills to the end of the line.
                    nibbles.AddRange([0, 0, 0, colour]);
                    x += run;
                    continue;
                }

                run = Math.Min(run, 255);
                var code = (run << 2) | colour;
                var count = run < 4 ? 1 : run < 16 ? 2 : run < 64 ? 3 : 4;
                for (var shift = (count - 1) * 4; shift >= 0; shift -= 4)
                {
                    nibbles.Add((code >> shift) & 0xF);
                }

                x += run;
            }

            if (nibbles.Count % 2 == 1)
            {
                nibbles.Add(0);
            }
        }

        return Enumerable.Range(0, nibbles.Count / 2).Select(i => (byte)((nibbles[2 * i] << 4) | nibbles[(2 * i) + 1])).ToArray();
    }

    private static void WritePacks(Stream sub, byte[] unit, long pts, int substream)
    {
        for (var offset = 0; offset < unit.Length;)
        {
            var first = offset == 0;
            var headerData = first ? 5 : 0;
            var room = PackSize - 14 - 9 - headerData - 1;
            var chunk = Math.Min(room, unit.Length - offset);
            var left = room - chunk;
            // Fewer bytes left than a padding packet needs are PES header stuffing instead.
            var stuffing = left is > 0 and < 6 ? left : 0;
            var pack = new List<byte> { 0, 0, 1, 0xBA, 0x44, 0, 4, 0, 4, 1, 0x01, 0x89, 0xC3, 0xF8 };
            var pesLength = 3 + headerData + stuffing + 1 + chunk;
            pack.AddRange([0, 0, 1, 0xBD, (byte)(pesLength >> 8), (byte)pesLength, 0x81, first ? (byte)0x80 : (byte)0, (byte)(headerData + stuffing)]);
            if (first)
            {
                pack.AddRange([(byte)(0x21 | ((pts >> 29) & 0x0E)), (byte)(pts >> 22), (byte)(((pts >> 14) & 0xFE) | 1), (byte)(pts >> 7), (byte)(((pts << 1) & 0xFE) | 1)]);
            }

            pack.AddRange(Enumerable.Repeat((byte)0xFF, stuffing));
            pack.Add((byte)substream);
            pack.AddRange(unit.Skip(offset).Take(chunk));
            if (PackSize - pack.Count >= 6)
            {
                var padding = PackSize - pack.Count - 6;
                pack.AddRange([0, 0, 1, 0xBE, (byte)(padding >> 8), (byte)padding]);
                pack.AddRange(Enumerable.Repeat((byte)0xFF, padding));
            }

            sub.Write([.. pack]);
            offset += chunk;
        }
    }
}
