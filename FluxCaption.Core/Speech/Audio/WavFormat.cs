using System.Buffers.Binary;
using System.Text;

namespace FluxCaption.Core.Speech.Audio;

/// <summary>
/// The layout of a PCM WAV file: its "fmt " fields and where its "data" chunk lies. Read by walking the RIFF
/// chunks, because ffmpeg (and other writers) put LIST/INFO and other chunks before the samples.
/// </summary>
public sealed record WavFormat(int SampleRate, int Channels, int BitsPerSample, long DataOffset, long DataLength)
{
    public int BlockAlign => Channels * (BitsPerSample / 8);

    public long SampleCount => DataLength / BlockAlign;

    public TimeSpan Duration => TimeSpan.FromSeconds((double)SampleCount / SampleRate);

    public static WavFormat Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Reads the header from the start of <paramref name="stream"/>; throws <see cref="InvalidDataException"/> naming what is wrong.</summary>
    public static WavFormat Read(Stream stream, string name)
    {
        Span<byte> header = stackalloc byte[12];
        if (stream.ReadAtLeast(header, 12, throwOnEndOfStream: false) < 12
            || !header[..4].SequenceEqual("RIFF"u8) || !header[8..12].SequenceEqual("WAVE"u8))
        {
            throw new InvalidDataException($"'{name}' is not a WAV file (no RIFF/WAVE header).");
        }

        (int Rate, int Channels, int Bits)? format = null;
        Span<byte> chunk = stackalloc byte[8];
        while (stream.ReadAtLeast(chunk, 8, throwOnEndOfStream: false) == 8)
        {
            var id = Encoding.ASCII.GetString(chunk[..4]);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            if (id == "fmt ")
            {
                format = ReadFmt(stream, size, name);
            }
            else if (id == "data")
            {
                if (format is not { } fmt)
                {
                    throw new InvalidDataException($"'{name}' has its data chunk before its fmt chunk.");
                }

                // A writer that could not seek back leaves the size at 0 or 0xFFFFFFFF: the samples run to the end.
                var available = stream.Length - stream.Position;
                var length = size == 0 || size > available ? available : size;
                var blockAlign = fmt.Channels * (fmt.Bits / 8);
                return new WavFormat(fmt.Rate, fmt.Channels, fmt.Bits, stream.Position, length - (length % blockAlign));
            }
            else
            {
                // Chunks are padded to an even size.
                stream.Seek(size + (size & 1), SeekOrigin.Current);
            }
        }

        throw new InvalidDataException($"'{name}' has no data chunk.");
    }

    private static (int Rate, int Channels, int Bits) ReadFmt(Stream stream, long size, string name)
    {
        if (size < 16)
        {
            throw new InvalidDataException($"'{name}' has a fmt chunk of {size} bytes; PCM needs 16.");
        }

        var fmt = new byte[size + (size & 1)];
        stream.ReadExactly(fmt);
        var tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt.AsSpan(2));
        var rate = BinaryPrimitives.ReadInt32LittleEndian(fmt.AsSpan(4));
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt.AsSpan(14));
        // 0xFFFE is WAVE_FORMAT_EXTENSIBLE; its sub-format must then be PCM too (first two bytes of the GUID).
        var isPcm = tag == 1 || (tag == 0xFFFE && size >= 26 && BinaryPrimitives.ReadUInt16LittleEndian(fmt.AsSpan(24)) == 1);
        if (!isPcm || bits is not (8 or 16 or 24 or 32) || channels == 0 || rate <= 0)
        {
            throw new InvalidDataException(
                $"'{name}' is not integer PCM audio (format {tag}, {channels} channels, {rate} Hz, {bits} bits).");
        }

        return (rate, channels, bits);
    }
}
