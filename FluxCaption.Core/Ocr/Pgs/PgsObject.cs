namespace FluxCaption.Core.Ocr.Pgs;

/// <summary>A PGS object: its size and its run-length data, which may arrive over several object segments.</summary>
internal sealed class PgsObject(int width, int height, int expectedLength)
{
    private readonly MemoryStream _data = new(expectedLength);

    public int Width { get; } = width;

    public int Height { get; } = height;

    public bool IsComplete => _data.Length >= expectedLength;

    public void Append(ReadOnlySpan<byte> fragment) => _data.Write(fragment);

    /// <summary>
    /// One palette index per pixel. A run is a non-zero byte (one pixel of that colour) or 0x00 followed by a
    /// flags byte: 0x00 ends the line; bit 0x40 says the length takes 14 bits instead of 6; bit 0x80 says a
    /// colour byte follows (otherwise the run is colour 0, transparent in practice).
    /// </summary>
    public byte[] Decode()
    {
        var data = _data.GetBuffer().AsSpan(0, (int)_data.Length);
        var pixels = new byte[Width * Height];
        var (x, y, position) = (0, 0, 0);
        while (position < data.Length && y < Height)
        {
            int run;
            byte colour;
            var first = data[position++];
            if (first != 0)
            {
                (run, colour) = (1, first);
            }
            else
            {
                var flags = Next(data, ref position);
                if (flags == 0)
                {
                    (x, y) = (0, y + 1);
                    continue;
                }

                run = flags & 0x3F;
                if ((flags & 0x40) != 0)
                {
                    run = (run << 8) | Next(data, ref position);
                }

                colour = (flags & 0x80) != 0 ? Next(data, ref position) : (byte)0;
            }

            // A run past the right edge is cut rather than wrapped: wrapping would shift every later line.
            var length = Math.Min(run, Width - x);
            pixels.AsSpan((y * Width) + x, Math.Max(0, length)).Fill(colour);
            x += Math.Max(0, length);
        }

        return pixels;
    }

    private static byte Next(ReadOnlySpan<byte> data, ref int position) =>
        position < data.Length
            ? data[position++]
            : throw PgsDecoder.Damaged("an object's run-length data stops in the middle of a run");
}
