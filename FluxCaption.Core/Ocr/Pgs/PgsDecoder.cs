using System.Buffers.Binary;

namespace FluxCaption.Core.Ocr.Pgs;

/// <summary>
/// Decodes a Presentation Graphic Stream (Blu-ray subtitles, a <c>.sup</c> file or a Matroska
/// <c>hdmv_pgs_subtitle</c> track copied out by ffmpeg) into timed caption pictures.
/// </summary>
/// <remarks>
/// The stream is a run of segments, each <c>"PG"</c>, a 90 kHz PTS and DTS, a type and a length. A display set
/// is a composition segment (PCS) followed by window (WDS), palette (PDS) and object (ODS) segments and closed by
/// an END segment; it takes effect at the PCS's PTS. A set with composition objects shows a picture (and ends the
/// one before it); a set with none clears the screen, which is how a caption's end time is written.
/// </remarks>
public static class PgsDecoder
{
    private const int HeaderLength = 13;
    private const byte PaletteSegment = 0x14;
    private const byte ObjectSegment = 0x15;
    private const byte CompositionSegment = 0x16;
    private const byte WindowSegment = 0x17;
    private const byte EndSegment = 0x80;

    /// <summary>Every caption of the stream in display order; throws <see cref="OcrException"/> (ocr_bad_track) on a damaged stream.</summary>
    public static IReadOnlyList<BitmapCaption> Decode(byte[] data) => Read(data).ToList();

    /// <summary>
    /// The captions one at a time, each as soon as the display set that ends it is read: a film's pictures are
    /// hundreds of megabytes of RGBA, so a reader should not hold them all.
    /// </summary>
    public static IEnumerable<BitmapCaption> Read(byte[] data)
    {
        var epoch = new PgsEpoch();
        var offset = 0;
        while (offset < data.Length)
        {
            if (ReadSegment(data, ref offset, epoch) is { } closed)
            {
                yield return closed;
            }
        }

        if (epoch.Finish() is { } last)
        {
            yield return last;
        }
    }

    private static BitmapCaption? ReadSegment(ReadOnlySpan<byte> data, ref int offset, PgsEpoch epoch)
    {
        if (data.Length - offset < HeaderLength)
        {
            throw Damaged($"it ends inside a segment header at byte {offset} (the file is truncated)");
        }

        if (data[offset] != (byte)'P' || data[offset + 1] != (byte)'G')
        {
            throw Damaged($"byte {offset} should start a segment with the magic 'PG' but holds 0x{data[offset]:X2}{data[offset + 1]:X2}"
                + (offset == 0 ? " (this is not a .sup file)" : ""));
        }

        var pts = BinaryPrimitives.ReadUInt32BigEndian(data[(offset + 2)..]);
        var type = data[offset + 10];
        var length = BinaryPrimitives.ReadUInt16BigEndian(data[(offset + 11)..]);
        if (data.Length - offset - HeaderLength < length)
        {
            throw Damaged($"the segment at byte {offset} declares {length} bytes but only {data.Length - offset - HeaderLength} remain (the file is truncated)");
        }

        var payload = data.Slice(offset + HeaderLength, length);
        var at = offset;
        offset += HeaderLength + length;
        try
        {
            switch (type)
            {
                case CompositionSegment:
                    epoch.Compose(ReadComposition(pts, payload));
                    return null;
                case PaletteSegment:
                    epoch.DefinePalette(payload);
                    return null;
                case ObjectSegment:
                    epoch.AddObjectFragment(payload);
                    return null;
                case EndSegment:
                    return epoch.EndDisplaySet();
                case WindowSegment:
                    // Windows only bound where objects may be drawn; the objects carry their own positions.
                    return null;
                default:
                    throw Damaged($"the segment at byte {at} has the unknown type 0x{type:X2}");
            }
        }
        catch (Exception exception) when (exception is ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            throw Damaged($"the segment of type 0x{type:X2} at byte {at} is shorter than its fields");
        }
    }

    internal static OcrException Damaged(string why) => new(OcrErrorCodes.BadTrack, $"The PGS subtitle stream is damaged: {why}.");

    private static PgsComposition ReadComposition(uint pts, ReadOnlySpan<byte> payload)
    {
        var state = payload[7];
        var paletteId = payload[9];
        var count = payload[10];
        var objects = new List<PgsCompositionObject>(count);
        var position = 11;
        for (var i = 0; i < count; i++)
        {
            var objectId = BinaryPrimitives.ReadUInt16BigEndian(payload[position..]);
            var flags = payload[position + 3];
            var x = BinaryPrimitives.ReadUInt16BigEndian(payload[(position + 4)..]);
            var y = BinaryPrimitives.ReadUInt16BigEndian(payload[(position + 6)..]);
            position += 8;
            PgsCrop? crop = null;
            if ((flags & 0x80) != 0)
            {
                crop = new PgsCrop(
                    BinaryPrimitives.ReadUInt16BigEndian(payload[position..]),
                    BinaryPrimitives.ReadUInt16BigEndian(payload[(position + 2)..]),
                    BinaryPrimitives.ReadUInt16BigEndian(payload[(position + 4)..]),
                    BinaryPrimitives.ReadUInt16BigEndian(payload[(position + 6)..]));
                position += 8;
            }

            objects.Add(new PgsCompositionObject(objectId, x, y, (flags & 0x40) != 0, crop));
        }

        return new PgsComposition(pts, IsEpochStart: (state & 0x80) != 0, paletteId, objects);
    }
}

internal sealed record PgsComposition(uint Pts, bool IsEpochStart, int PaletteId, IReadOnlyList<PgsCompositionObject> Objects);

internal sealed record PgsCompositionObject(int ObjectId, int X, int Y, bool IsForced, PgsCrop? Crop);

internal sealed record PgsCrop(int X, int Y, int Width, int Height);
