using System.Buffers.Binary;

namespace FluxCaption.Benchmarks;

/// <summary>A picture placed on the video frame.</summary>
internal sealed record PlacedPicture(IndexedPicture Picture, int X, int Y);

/// <summary>One palette entry in the RGB the tests think in; written as PGS's Y'CbCr.</summary>
internal sealed record PaletteColour(byte Index, byte Red, byte Green, byte Blue, byte Alpha);

/// <summary>
/// Writes a real PGS (.sup) stream, display set by display set, so tests and the OCR benchmark have Blu-ray
/// subtitles to decode: epoch starts with palette and objects (optionally split over several object
/// segments), palette-only updates and clearing display sets.
/// </summary>
internal sealed class PgsWriter(int frameWidth = 1920, int frameHeight = 1080)
{
    /// <summary>Light fill, dark outline, grey edge: what <see cref="CaptionRenderer"/> indexes mean.</summary>
    public static readonly IReadOnlyList<PaletteColour> WhiteText =
    [
        new(0, 0, 0, 0, 0), new(1, 255, 255, 255, 255), new(2, 0, 0, 0, 255), new(3, 128, 128, 128, 255),
    ];

    private readonly MemoryStream _stream = new();
    private int _composition;

    /// <summary>Writes captions one after another, each shown at its start and cleared at its end.</summary>
    public static byte[] Write(IEnumerable<(TimeSpan Start, TimeSpan End, string Text)> captions, float fontSize = 44)
    {
        var writer = new PgsWriter();
        foreach (var (start, end, text) in captions)
        {
            var picture = CaptionRenderer.Render(text, fontSize);
            writer.Show(start, [new PlacedPicture(picture, (1920 - picture.Width) / 2, 1000 - picture.Height)]);
            writer.Clear(end);
        }

        return writer.ToArray();
    }

    /// <summary>An epoch start showing <paramref name="objects"/>, with object data cut into fragments of at most <paramref name="fragmentSize"/> bytes.</summary>
    public void Show(TimeSpan at, IReadOnlyList<PlacedPicture> objects, IReadOnlyList<PaletteColour>? palette = null, bool forced = false, int fragmentSize = 65_000)
    {
        var pts = Pts(at);
        Composition(pts, epochStart: true, paletteUpdate: false, objects, forced);
        Windows(pts, objects);
        Palette(pts, palette ?? WhiteText);
        for (var id = 0; id < objects.Count; id++)
        {
            Object(pts, id, objects[id].Picture, fragmentSize);
        }

        Segment(pts, 0x80, []);
    }

    /// <summary>A display set that only sends a new palette for the objects already on screen (how fades are written).</summary>
    public void UpdatePalette(TimeSpan at, IReadOnlyList<PlacedPicture> objects, IReadOnlyList<PaletteColour> palette)
    {
        var pts = Pts(at);
        Composition(pts, epochStart: false, paletteUpdate: true, objects, forced: false);
        Palette(pts, palette);
        Segment(pts, 0x80, []);
    }

    /// <summary>A display set with no objects: the screen is cleared, ending the caption shown.</summary>
    public void Clear(TimeSpan at)
    {
        var pts = Pts(at);
        Composition(pts, epochStart: false, paletteUpdate: false, [], forced: false);
        Segment(pts, 0x17, [0]);
        Segment(pts, 0x80, []);
    }

    public byte[] ToArray() => _stream.ToArray();

    private void Composition(uint pts, bool epochStart, bool paletteUpdate, IReadOnlyList<PlacedPicture> objects, bool forced)
    {
        var payload = new List<byte>();
        Add16(payload, frameWidth);
        Add16(payload, frameHeight);
        payload.Add(0x10);
        Add16(payload, _composition++);
        payload.Add(epochStart ? (byte)0x80 : (byte)0x00);
        payload.Add(paletteUpdate ? (byte)0x80 : (byte)0x00);
        payload.Add(0);
        payload.Add((byte)objects.Count);
        for (var id = 0; id < objects.Count; id++)
        {
            Add16(payload, id);
            payload.Add((byte)id);
            payload.Add(forced ? (byte)0x40 : (byte)0x00);
            Add16(payload, objects[id].X);
            Add16(payload, objects[id].Y);
        }

        Segment(pts, 0x16, [.. payload]);
    }

    private void Windows(uint pts, IReadOnlyList<PlacedPicture> objects)
    {
        var payload = new List<byte> { (byte)objects.Count };
        for (var id = 0; id < objects.Count; id++)
        {
            payload.Add((byte)id);
            Add16(payload, objects[id].X);
            Add16(payload, objects[id].Y);
            Add16(payload, objects[id].Picture.Width);
            Add16(payload, objects[id].Picture.Height);
        }

        Segment(pts, 0x17, [.. payload]);
    }

    private void Palette(uint pts, IReadOnlyList<PaletteColour> palette)
    {
        var payload = new List<byte> { 0, 0 };
        foreach (var colour in palette)
        {
            var (y, cb, cr) = Core.Ocr.YCbCr.FromRgb(colour.Red, colour.Green, colour.Blue);
            payload.AddRange([colour.Index, y, cr, cb, colour.Alpha]);
        }

        Segment(pts, 0x14, [.. payload]);
    }

    private void Object(uint pts, int id, IndexedPicture picture, int fragmentSize)
    {
        var data = RunLength(picture);
        for (var offset = 0; offset < data.Length || offset == 0; offset += fragmentSize)
        {
            var first = offset == 0;
            var last = offset + fragmentSize >= data.Length;
            var payload = new List<byte>();
            Add16(payload, id);
            payload.Add(0);
            payload.Add((byte)((first ? 0x80 : 0) | (last ? 0x40 : 0)));
            if (first)
            {
                var length = data.Length + 4;
                payload.AddRange([(byte)(length >> 16), (byte)(length >> 8), (byte)length]);
                Add16(payload, picture.Width);
                Add16(payload, picture.Height);
            }

            payload.AddRange(data.Skip(offset).Take(fragmentSize));
            Segment(pts, 0x15, [.. payload]);
        }
    }

    private static byte[] RunLength(IndexedPicture picture)
    {
        var output = new List<byte>();
        for (var row = 0; row < picture.Height; row++)
        {
            var line = picture.Pixels.AsSpan(row * picture.Width, picture.Width);
            for (var x = 0; x < line.Length;)
            {
                var colour = line[x];
                var run = 1;
                while (x + run < line.Length && line[x + run] == colour && run < 16_383)
                {
                    run++;
                }

                if (colour != 0 && run < 3)
                {
                    output.AddRange(Enumerable.Repeat(colour, run));
                }
                else
                {
                    output.Add(0);
                    var flags = (colour != 0 ? 0x80 : 0) | (run >= 64 ? 0x40 : 0);
                    output.AddRange(run >= 64 ? [(byte)(flags | (run >> 8)), (byte)run] : [(byte)(flags | run)]);
                    if (colour != 0)
                    {
                        output.Add(colour);
                    }
                }

                x += run;
            }

            output.AddRange([0, 0]);
        }

        return [.. output];
    }

    private void Segment(uint pts, byte type, byte[] payload)
    {
        Span<byte> header = stackalloc byte[13];
        header[0] = (byte)'P';
        header[1] = (byte)'G';
        BinaryPrimitives.WriteUInt32BigEndian(header[2..], pts);
        BinaryPrimitives.WriteUInt32BigEndian(header[6..], 0);
        header[10] = type;
        BinaryPrimitives.WriteUInt16BigEndian(header[11..], checked((ushort)payload.Length));
        _stream.Write(header);
        _stream.Write(payload);
    }

    private static uint Pts(TimeSpan time) => (uint)(time.Ticks * 90 / TimeSpan.TicksPerMillisecond);

    private static void Add16(List<byte> bytes, int value) => bytes.AddRange([(byte)(value >> 8), (byte)value]);
}
