using System.Buffers.Binary;

namespace FluxCaption.Core.Speech.Audio;

/// <summary>
/// Copies one window of a PCM WAV into a WAV file of its own (same format), so an engine gets at most
/// ~30 s at a time and the big file is decoded only once. Positions round to the nearest sample frame,
/// so consecutive windows share no sample and lose none.
/// </summary>
public static class WavWindowWriter
{
    /// <summary>Writes the samples of [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="sourceWav"/>
    /// to <paramref name="targetWav"/>; the range is clipped to the file. Returns the format of the written file.</summary>
    public static async Task<WavFormat> WriteAsync(
        string sourceWav, TimeSpan start, TimeSpan end, string targetWav, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceWav);
        ArgumentException.ThrowIfNullOrWhiteSpace(targetWav);
        if (end < start)
        {
            throw new ArgumentException($"The window ends ({end}) before it starts ({start}).", nameof(end));
        }

        await using var source = new FileStream(sourceWav, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        var format = WavFormat.Read(source, sourceWav);
        var first = Math.Clamp(FrameAt(start, format.SampleRate), 0, format.SampleCount);
        var last = Math.Clamp(FrameAt(end, format.SampleRate), first, format.SampleCount);
        var length = (last - first) * format.BlockAlign;

        var directory = Path.GetDirectoryName(Path.GetFullPath(targetWav));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        await using var target = new FileStream(targetWav, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await target.WriteAsync(Header(format, length), cancellationToken);
        source.Seek(format.DataOffset + (first * format.BlockAlign), SeekOrigin.Begin);
        var buffer = new byte[81920];
        var remaining = length;
        while (remaining > 0)
        {
            var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), cancellationToken);
            if (read == 0)
            {
                throw new InvalidDataException($"'{sourceWav}' ended before its data chunk did.");
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            remaining -= read;
        }

        return format with { DataOffset = 44, DataLength = length };
    }

    /// <summary>The sample frame at <paramref name="time"/>, rounded to the nearest.</summary>
    public static long FrameAt(TimeSpan time, int sampleRate) =>
        (long)Math.Round(time.Ticks * (double)sampleRate / TimeSpan.TicksPerSecond, MidpointRounding.AwayFromZero);

    private static byte[] Header(WavFormat format, long dataLength)
    {
        if (dataLength > uint.MaxValue - 36)
        {
            throw new ArgumentException("A window WAV cannot exceed 4 GB.");
        }

        var header = new byte[44];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), (uint)(36 + dataLength));
        "WAVEfmt "u8.CopyTo(header.AsSpan(8));
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), 16);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(20), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(22), (ushort)format.Channels);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(24), format.SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(28), format.SampleRate * format.BlockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(32), (ushort)format.BlockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(34), (ushort)format.BitsPerSample);
        "data"u8.CopyTo(header.AsSpan(36));
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(40), (uint)dataLength);
        return header;
    }
}
