using System.Buffers.Binary;
using FluxCaption.Core.Speech.Audio;

namespace FluxCaption.Tests.Speech.Audio;

/// <summary>Reads and writes 16-bit PCM WAV files in tests, independently of the code under test where it matters.</summary>
internal static class Wav
{
    public static double DurationSeconds(string path) => WavFormat.Read(path).Duration.TotalSeconds;

    /// <summary>
    /// A mono 16-bit WAV whose sample n holds n (mod 32768), with a LIST chunk of odd length (padded) and an
    /// unknown chunk before the data, as real writers produce.
    /// </summary>
    public static void WriteNumbered(string path, int sampleRate, int samples)
    {
        using var stream = File.Create(path);
        using var writer = new BinaryWriter(stream);
        var list = "LIST"u8.ToArray();
        var listBody = "INFOISFT\u0005\0\0\0Lavf\0"u8.ToArray(); // 17 bytes: odd, so a pad byte follows
        var fact = "fact"u8.ToArray();
        var riffSize = 4 + (8 + 16) + (8 + listBody.Length + 1) + (8 + 4) + (8 + (samples * 2));
        writer.Write("RIFF"u8);
        writer.Write(riffSize);
        writer.Write("WAVE"u8);
        writer.Write(list);
        writer.Write(listBody.Length);
        writer.Write(listBody);
        writer.Write((byte)0);
        writer.Write("fmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(sampleRate);
        writer.Write(sampleRate * 2);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write(fact);
        writer.Write(4);
        writer.Write(samples);
        writer.Write("data"u8);
        writer.Write(samples * 2);
        for (var n = 0; n < samples; n++)
        {
            writer.Write((short)(n % 32768));
        }
    }

    /// <summary>The samples of a 16-bit PCM WAV (the data chunk found by walking the chunks here, not by WavFormat).</summary>
    public static short[] Samples(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var position = 12;
        while (position + 8 <= bytes.Length)
        {
            var id = System.Text.Encoding.ASCII.GetString(bytes, position, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(position + 4));
            if (id == "data")
            {
                var samples = new short[size / 2];
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(position + 8 + (i * 2)));
                }

                return samples;
            }

            position += 8 + size + (size & 1);
        }

        throw new InvalidDataException($"{path} has no data chunk.");
    }
}
