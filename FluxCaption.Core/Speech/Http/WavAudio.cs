using System.Buffers.Binary;
using System.Text;

namespace FluxCaption.Core.Speech.Http;

/// <summary>
/// A window's WAV file read whole (a 30 s window of 16 kHz mono 16-bit PCM is about 1 MB): the bytes
/// to upload, where the samples are, and how long it lasts. The length is what a reply without
/// timestamps spans, and whisper-asr-webservice's encode=false wants the bare samples.
/// </summary>
internal sealed class WavAudio
{
    private WavAudio(byte[] bytes, int dataOffset, int dataLength, int sampleRate, int channels, int bitsPerSample)
    {
        Bytes = bytes;
        DataOffset = dataOffset;
        DataLength = dataLength;
        SampleRate = sampleRate;
        Channels = channels;
        BitsPerSample = bitsPerSample;
    }

    public byte[] Bytes { get; }

    public int DataOffset { get; }

    public int DataLength { get; }

    public int SampleRate { get; }

    public int Channels { get; }

    public int BitsPerSample { get; }

    public TimeSpan Duration => TimeSpan.FromSeconds((double)DataLength / (SampleRate * Channels * (BitsPerSample / 8)));

    /// <summary>True for what whisper-asr-webservice's encode=false reads as raw samples: 16 kHz mono 16-bit.</summary>
    public bool IsWhisperPcm => SampleRate == 16_000 && Channels == 1 && BitsPerSample == 16;

    public ReadOnlyMemory<byte> Samples => Bytes.AsMemory(DataOffset, DataLength);

    public static async Task<WavAudio> ReadAsync(string path, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Bad(path, $"cannot be read ({exception.Message})", exception);
        }

        return Parse(bytes, path);
    }

    public static WavAudio Parse(byte[] bytes, string path)
    {
        if (bytes.Length < 12 || Tag(bytes, 0) != "RIFF" || Tag(bytes, 8) != "WAVE")
        {
            throw Bad(path, "is not a WAV file (no RIFF/WAVE header)");
        }

        int? sampleRate = null, channels = null, bits = null;
        var offset = 12;
        while (offset + 8 <= bytes.Length)
        {
            var id = Tag(bytes, offset);
            var size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset + 4));
            var body = offset + 8;
            if (id == "fmt " && size >= 16 && body + 16 <= bytes.Length)
            {
                var format = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(body));

                // 0xFFFE (extensible) is what ffmpeg writes for some layouts; its samples are still PCM here.
                if (format is not 1 and not 0xFFFE)
                {
                    throw Bad(path, $"holds audio format {format}, not PCM");
                }

                channels = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(body + 2));
                sampleRate = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(body + 4));
                bits = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(body + 14));
            }
            else if (id == "data")
            {
                if (sampleRate is not > 0 || channels is not > 0 || bits is not (8 or 16 or 24 or 32))
                {
                    throw Bad(path, "has no usable 'fmt ' chunk before its samples");
                }

                // Streams written by a pipe leave the size unknown (0 or 0xFFFFFFFF): the samples run to the end.
                var length = size <= 0 || body + size > bytes.Length ? bytes.Length - body : size;
                return new WavAudio(bytes, body, length, sampleRate.Value, channels.Value, bits.Value);
            }

            offset = body + Math.Max(0, size) + (size & 1);
        }

        throw Bad(path, "has no 'data' chunk");
    }

    private static string Tag(byte[] bytes, int offset) => Encoding.ASCII.GetString(bytes, offset, 4);

    private static SpeechRecognitionException Bad(string path, string problem, Exception? inner = null) =>
        new(HttpSpeechErrorCodes.BadAudio, $"The audio window {path} {problem}; the speech engines want 16 kHz mono 16-bit PCM WAV.", false, inner);
}
