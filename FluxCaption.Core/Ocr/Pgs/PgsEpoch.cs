using System.Buffers.Binary;

namespace FluxCaption.Core.Ocr.Pgs;

/// <summary>
/// The decoder's memory between display sets: palettes and objects live until the next epoch start, so a
/// later display set may show an object defined earlier or only send a new palette for it.
/// </summary>
internal sealed class PgsEpoch
{
    // A UHD frame is 3840x2160; anything much larger is a damaged size field, not a picture to allocate.
    private const long MaxPixels = 4096L * 4096;

    private readonly Dictionary<int, byte[]> _palettes = [];
    private readonly Dictionary<int, PgsObject> _objects = [];
    private PgsComposition? _composition;
    private BitmapCaption? _shown;

    public void Compose(PgsComposition composition)
    {
        if (composition.IsEpochStart)
        {
            _palettes.Clear();
            _objects.Clear();
        }

        _composition = composition;
    }

    public void DefinePalette(ReadOnlySpan<byte> payload)
    {
        var id = payload[0];
        // An update may redefine only some entries; the others keep their colours.
        var palette = _palettes.TryGetValue(id, out var existing) ? existing : new byte[256 * 4];
        for (var entry = 2; entry + 5 <= payload.Length; entry += 5)
        {
            var (red, green, blue) = YCbCr.ToRgb(payload[entry + 1], payload[entry + 3], payload[entry + 2]);
            var index = payload[entry] * 4;
            palette[index] = red;
            palette[index + 1] = green;
            palette[index + 2] = blue;
            palette[index + 3] = payload[entry + 4];
        }

        _palettes[id] = palette;
    }

    public void AddObjectFragment(ReadOnlySpan<byte> payload)
    {
        var id = BinaryPrimitives.ReadUInt16BigEndian(payload);
        var sequence = payload[3];
        if ((sequence & 0x80) != 0)
        {
            // The 24-bit length counts the width and height fields as well as the run-length data.
            var length = (payload[4] << 16) | (payload[5] << 8) | payload[6];
            var width = BinaryPrimitives.ReadUInt16BigEndian(payload[7..]);
            var height = BinaryPrimitives.ReadUInt16BigEndian(payload[9..]);
            if ((long)width * height > MaxPixels)
            {
                throw PgsDecoder.Damaged($"object {id} claims {width}x{height} pixels, more than any video frame");
            }

            var item = new PgsObject(width, height, Math.Max(0, length - 4));
            item.Append(payload[11..]);
            _objects[id] = item;
        }
        else if (_objects.TryGetValue(id, out var started))
        {
            started.Append(payload[4..]);
        }
        else
        {
            throw PgsDecoder.Damaged($"object {id} continues a fragment that never started");
        }
    }

    /// <summary>Applies the display set; returns the caption it ended, if any.</summary>
    public BitmapCaption? EndDisplaySet()
    {
        if (_composition is not { } composition)
        {
            return null;
        }

        _composition = null;
        var start = BitmapCaption.FromPts(composition.Pts);
        var picture = composition.Objects.Count == 0 ? null : Render(composition, start);
        if (_shown is { } shown && picture is not null && shown.X == picture.X && shown.Y == picture.Y
            && shown.Rgba.AsSpan().SequenceEqual(picture.Rgba))
        {
            // An acquisition point repeats what is on screen so a player that seeks can show it: same caption.
            return null;
        }

        var ended = Close(start);
        _shown = picture;
        return ended;
    }

    /// <summary>The caption still on screen when the stream ends, given the open-ended duration.</summary>
    public BitmapCaption? Finish() => _shown is { } shown ? Close(shown.Start + BitmapCaption.OpenEndedDuration) : null;

    private BitmapCaption? Close(TimeSpan end)
    {
        var shown = _shown;
        _shown = null;
        return shown is not null && end > shown.Start ? shown with { End = end } : null;
    }

    private BitmapCaption Render(PgsComposition composition, TimeSpan start)
    {
        if (!_palettes.TryGetValue(composition.PaletteId, out var palette))
        {
            throw PgsDecoder.Damaged($"the display set at {start} uses palette {composition.PaletteId}, which was never defined");
        }

        var placed = composition.Objects.Select(placement => Place(placement, start)).ToList();
        var left = placed.Min(p => p.X);
        var top = placed.Min(p => p.Y);
        var width = placed.Max(p => p.X + p.Width) - left;
        var height = placed.Max(p => p.Y + p.Height) - top;
        if ((long)width * height > MaxPixels)
        {
            throw PgsDecoder.Damaged($"the display set at {start} spans {width}x{height} pixels, more than any video frame");
        }

        var rgba = new byte[width * height * 4];
        foreach (var (x, y, cropX, cropY, cropWidth, cropHeight, indexes, stride) in placed)
        {
            for (var row = 0; row < cropHeight; row++)
            {
                for (var column = 0; column < cropWidth; column++)
                {
                    var colour = indexes[((cropY + row) * stride) + cropX + column] * 4;
                    var target = ((((y - top) + row) * width) + (x - left) + column) * 4;
                    palette.AsSpan(colour, 4).CopyTo(rgba.AsSpan(target, 4));
                }
            }
        }

        return new BitmapCaption(start, start, left, top, width, height, rgba, composition.Objects.Any(o => o.IsForced));
    }

    private Placed Place(PgsCompositionObject placement, TimeSpan start)
    {
        if (!_objects.TryGetValue(placement.ObjectId, out var item))
        {
            throw PgsDecoder.Damaged($"the display set at {start} shows object {placement.ObjectId}, which was never defined");
        }

        if (!item.IsComplete)
        {
            throw PgsDecoder.Damaged($"object {placement.ObjectId} shown at {start} is missing fragments of its image data");
        }

        var indexes = item.Decode();
        var crop = placement.Crop ?? new PgsCrop(0, 0, item.Width, item.Height);
        var cropX = Math.Clamp(crop.X, 0, item.Width);
        var cropY = Math.Clamp(crop.Y, 0, item.Height);
        var width = Math.Clamp(crop.Width, 0, item.Width - cropX);
        var height = Math.Clamp(crop.Height, 0, item.Height - cropY);
        return new Placed(placement.X, placement.Y, cropX, cropY, width, height, indexes, item.Width);
    }

    private sealed record Placed(int X, int Y, int CropX, int CropY, int Width, int Height, byte[] Indexes, int Stride);
}
