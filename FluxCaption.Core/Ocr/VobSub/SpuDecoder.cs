using System.Buffers.Binary;

namespace FluxCaption.Core.Ocr.VobSub;

/// <summary>A decoded subpicture unit: its picture and when it starts and stops relative to its packet's timestamp.</summary>
public sealed record SubpictureImage(TimeSpan StartDelay, TimeSpan? StopDelay, bool IsForced, int X, int Y, int Width, int Height, byte[] Rgba);

/// <summary>
/// Decodes one DVD subpicture unit (SPU): a 16-bit size, a 16-bit offset of the control sequences, then
/// 2-bit run-length pixel data stored as two interlaced fields. Each control sequence has a delay (in units of
/// 1024/90000 s) and commands: forced start (0x00), start (0x01), stop (0x02), the four colours as palette
/// indexes (0x03), their alpha (0x04), the area (0x05) and where each field's data starts (0x06).
/// </summary>
public static class SpuDecoder
{
    private const int MaxSequences = 64;

    public static SubpictureImage? Decode(ReadOnlySpan<byte> unit, IReadOnlyList<uint> palette)
    {
        var state = Control(unit);
        if (!state.HasPicture)
        {
            return null;
        }

        var pixelData = unit[..state.ControlOffset];
        var indexes = new byte[state.Width * state.Height];
        DecodeField(pixelData, state.TopField!.Value, 0, state.Width, state.Height, indexes);
        DecodeField(pixelData, state.BottomField!.Value, 1, state.Width, state.Height, indexes);
        var rgba = new byte[indexes.Length * 4];
        for (var pixel = 0; pixel < indexes.Length; pixel++)
        {
            var colour = palette[state.Colours[indexes[pixel]]];
            rgba[pixel * 4] = (byte)(colour >> 16);
            rgba[(pixel * 4) + 1] = (byte)(colour >> 8);
            rgba[(pixel * 4) + 2] = (byte)colour;
            rgba[(pixel * 4) + 3] = (byte)(state.Alphas[indexes[pixel]] * 17);
        }

        return new SubpictureImage(state.Start, state.Stop, state.IsForced, state.X, state.Y, state.Width, state.Height, rgba);
    }

    /// <summary>When the unit starts and stops, and whether it has a picture at all, without decoding its pixels.</summary>
    public static (TimeSpan StartDelay, TimeSpan? StopDelay, bool HasPicture) Timing(ReadOnlySpan<byte> unit)
    {
        var state = Control(unit);
        return (state.Start, state.Stop, state.HasPicture);
    }

    private static SpuState Control(ReadOnlySpan<byte> unit)
    {
        if (unit.Length < 4)
        {
            throw Damaged("a subpicture is shorter than its header");
        }

        var size = BinaryPrimitives.ReadUInt16BigEndian(unit);
        var control = BinaryPrimitives.ReadUInt16BigEndian(unit[2..]);
        if (size > unit.Length || control + 4 > size)
        {
            throw Damaged($"a subpicture declares {size} bytes with its commands at {control}, but holds {unit.Length}");
        }

        var state = new SpuState { ControlOffset = control };
        var sequence = (int)control;
        for (var count = 0; count < MaxSequences; count++)
        {
            var next = ReadSequence(unit[..size], sequence, state);
            if (next == sequence)
            {
                break;
            }

            sequence = next > sequence && next + 4 <= size
                ? next
                : throw Damaged($"a subpicture's command sequence at {sequence} points to {next}, outside the picture");
        }

        return state;
    }

    private static int ReadSequence(ReadOnlySpan<byte> unit, int at, SpuState state)
    {
        var delay = TimeSpan.FromTicks(BinaryPrimitives.ReadUInt16BigEndian(unit[at..]) * 1024L * TimeSpan.TicksPerSecond / 90000);
        var next = BinaryPrimitives.ReadUInt16BigEndian(unit[(at + 2)..]);
        var position = at + 4;
        while (true)
        {
            var command = Byte(unit, position++);
            switch (command)
            {
                case 0x00:
                    (state.IsForced, state.Start) = (true, delay);
                    break;
                case 0x01:
                    state.Start = delay;
                    break;
                case 0x02:
                    state.Stop = delay;
                    break;
                case 0x03 or 0x04:
                    var target = command == 0x03 ? state.Colours : state.Alphas;
                    var (high, low) = (Byte(unit, position), Byte(unit, position + 1));
                    (target[3], target[2], target[1], target[0]) = ((byte)(high >> 4), (byte)(high & 0x0F), (byte)(low >> 4), (byte)(low & 0x0F));
                    position += 2;
                    break;
                case 0x05:
                    var area = Bytes(unit, position, 6);
                    var (x1, x2) = ((area[0] << 4) | (area[1] >> 4), ((area[1] & 0x0F) << 8) | area[2]);
                    var (y1, y2) = ((area[3] << 4) | (area[4] >> 4), ((area[4] & 0x0F) << 8) | area[5]);
                    (state.X, state.Y, state.Width, state.Height) = (x1, y1, x2 - x1 + 1, y2 - y1 + 1);
                    position += 6;
                    break;
                case 0x06:
                    var offsets = Bytes(unit, position, 4);
                    (state.TopField, state.BottomField) = (BinaryPrimitives.ReadUInt16BigEndian(offsets), BinaryPrimitives.ReadUInt16BigEndian(offsets[2..]));
                    position += 4;
                    break;
                case 0x07:
                    // Colour and contrast changes within the picture (karaoke-like effects): skipped by their own length.
                    position += BinaryPrimitives.ReadUInt16BigEndian(Bytes(unit, position, 2));
                    break;
                case 0xFF:
                    return next;
                default:
                    throw Damaged($"a subpicture holds the unknown command 0x{command:X2}");
            }
        }
    }

    private static void DecodeField(ReadOnlySpan<byte> data, int offset, int firstRow, int width, int height, byte[] indexes)
    {
        var nibble = offset * 2;
        for (var row = firstRow; row < height; row += 2)
        {
            var x = 0;
            while (x < width)
            {
                var code = Nibble(data, nibble++);
                if (code < 0x4)
                {
                    code = (code << 4) | Nibble(data, nibble++);
                    if (code < 0x10)
                    {
                        code = (code << 4) | Nibble(data, nibble++);
                        if (code < 0x40)
                        {
                            code = (code << 4) | Nibble(data, nibble++);
                        }
                    }
                }

                // A run of 0 means "to the end of the line"; a run past the edge is cut so later lines stay in place.
                var run = code >> 2 == 0 ? width - x : Math.Min(code >> 2, width - x);
                indexes.AsSpan((row * width) + x, run).Fill((byte)(code & 0x3));
                x += run;
            }

            // Every line starts on a byte boundary.
            nibble += nibble & 1;
        }
    }

    private static int Nibble(ReadOnlySpan<byte> data, int index) =>
        index / 2 < data.Length
            ? (index & 1) == 0 ? data[index / 2] >> 4 : data[index / 2] & 0x0F
            : throw Damaged("a subpicture's pixel data ends before its last line");

    private static byte Byte(ReadOnlySpan<byte> unit, int position) =>
        position < unit.Length ? unit[position] : throw Damaged("a subpicture's command sequence is cut off");

    private static ReadOnlySpan<byte> Bytes(ReadOnlySpan<byte> unit, int position, int count) =>
        position + count <= unit.Length ? unit.Slice(position, count) : throw Damaged("a subpicture's command sequence is cut off");

    private static OcrException Damaged(string why) => MpegProgramStream.Damaged(why);

    private sealed class SpuState
    {
        public int ControlOffset { get; init; }

        public bool HasPicture => Width > 0 && Height > 0 && TopField is not null && BottomField is not null;

        public TimeSpan Start { get; set; }

        public TimeSpan? Stop { get; set; }

        public bool IsForced { get; set; }

        public int X { get; set; }

        public int Y { get; set; }

        public int Width { get; set; }

        public int Height { get; set; }

        public int? TopField { get; set; }

        public int? BottomField { get; set; }

        public byte[] Colours { get; } = new byte[4];

        public byte[] Alphas { get; } = new byte[4];
    }
}
