using System.Buffers.Binary;

namespace FluxCaption.Core.Ocr.VobSub;

/// <summary>A DVD subpicture unit put back together from its PES packets.</summary>
/// <param name="PackPosition">Byte offset of the pack in which the unit starts (what an .idx "filepos" points at).</param>
/// <param name="Pts">The 90 kHz timestamp of its first PES packet, when it had one.</param>
public sealed record SubpicturePacket(long PackPosition, long? Pts, byte[] Data);

/// <summary>
/// Reads DVD subpictures out of an MPEG program stream (a VobSub .sub file, or a track ffmpeg remuxed with
/// <c>-f mpeg</c>/<c>-f vob</c>): packs (0xBA), private stream 1 (0xBD) PES packets whose first payload byte
/// is the substream (0x20 + stream index), and the units that span several packets, each starting with its
/// own 16-bit length. MPEG-1 and MPEG-2 PES headers are both read, since ffmpeg writes either.
/// </summary>
public static class MpegProgramStream
{
    public static IReadOnlyList<SubpicturePacket> ReadSubpictures(ReadOnlySpan<byte> data, int streamIndex)
    {
        var substream = 0x20 + streamIndex;
        var packets = new List<SubpicturePacket>();
        MemoryStream? unit = null;
        var (unitLength, unitPack, unitPts) = (0, 0L, (long?)null);
        var (position, pack) = (0, 0L);
        while (position + 4 <= data.Length)
        {
            if (data[position] != 0 || data[position + 1] != 0 || data[position + 2] != 1)
            {
                throw Damaged($"byte {position} should start an MPEG start code (00 00 01)" + (position == 0 ? " (this is not a .sub file)" : ""));
            }

            var code = data[position + 3];
            if (code == 0xBA)
            {
                pack = position;
                position += PackHeaderLength(data, position);
                continue;
            }

            if (code == 0xB9)
            {
                position += 4;
                continue;
            }

            if (position + 6 > data.Length)
            {
                break;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 4)..]);
            if (position + 6 + length > data.Length)
            {
                throw Damaged($"the packet at byte {position} declares {length} bytes but the file ends before them (it is truncated)");
            }

            var body = data.Slice(position + 6, length);
            position += 6 + length;
            if (code != 0xBD)
            {
                continue;
            }

            var (payloadStart, pts) = ReadPesHeader(body, position - 6 - length);
            if (payloadStart >= body.Length || body[payloadStart] != substream)
            {
                continue;
            }

            var chunk = body[(payloadStart + 1)..];
            if (unit is null)
            {
                if (chunk.Length < 2)
                {
                    throw Damaged($"the subpicture starting in the pack at byte {pack} is too short to hold its length");
                }

                (unit, unitLength, unitPack, unitPts) = (new MemoryStream(), BinaryPrimitives.ReadUInt16BigEndian(chunk), pack, pts);
            }
            else if (pts is not null)
            {
                throw Damaged($"a new subpicture starts at byte {pack} before the one from byte {unitPack} is complete");
            }

            unit.Write(chunk);
            if (unit.Length >= unitLength)
            {
                packets.Add(new SubpicturePacket(unitPack, unitPts, unit.ToArray()[..unitLength]));
                unit = null;
            }
        }

        return unit is null
            ? packets
            : throw Damaged($"the subpicture starting in the pack at byte {unitPack} is cut off (the file is truncated)");
    }

    private static int PackHeaderLength(ReadOnlySpan<byte> data, int position)
    {
        if (position + 12 > data.Length)
        {
            throw Damaged($"the pack header at byte {position} is cut off (the file is truncated)");
        }

        // MPEG-2 packs mark their SCR with '01' in the top bits and end with a stuffing count; MPEG-1 packs are 12 bytes.
        if ((data[position + 4] & 0xC0) != 0x40)
        {
            return 12;
        }

        return position + 14 <= data.Length
            ? 14 + (data[position + 13] & 0x07)
            : throw Damaged($"the pack header at byte {position} is cut off (the file is truncated)");
    }

    private static (int PayloadStart, long? Pts) ReadPesHeader(ReadOnlySpan<byte> body, int at)
    {
        if (body.Length >= 3 && (body[0] & 0xC0) == 0x80)
        {
            var headerLength = body[2];
            var hasPts = (body[1] & 0x80) != 0;
            if (3 + headerLength > body.Length || (hasPts && headerLength < 5))
            {
                throw Damaged($"the PES header at byte {at} is longer than its packet");
            }

            return (3 + headerLength, hasPts ? ReadPts(body[3..]) : null);
        }

        var index = 0;
        while (index < body.Length && body[index] == 0xFF)
        {
            index++;
        }

        if (index < body.Length && (body[index] & 0xC0) == 0x40)
        {
            index += 2;
        }

        if (index < body.Length && (body[index] & 0xE0) == 0x20)
        {
            var size = (body[index] & 0x10) != 0 ? 10 : 5;
            return index + size <= body.Length ? (index + size, ReadPts(body[index..])) : throw Damaged($"the PES header at byte {at} is cut off");
        }

        return (index + 1, null);
    }

    private static long ReadPts(ReadOnlySpan<byte> field) =>
        ((long)((field[0] >> 1) & 0x07) << 30) | ((long)field[1] << 22) | ((long)(field[2] >> 1) << 15) | ((long)field[3] << 7) | ((long)field[4] >> 1);

    internal static OcrException Damaged(string why) => new(OcrErrorCodes.BadTrack, $"The VobSub subtitle stream is damaged: {why}.");
}
