using System.Text;

namespace FluxCaption.Core.Speech.WhisperNet;

/// <summary>
/// Walks a whisper.cpp ggml file's structure (magic, hyperparameters, mel filters, vocabulary, every
/// tensor header and the length of its data) before the native loader sees it. whisper.cpp trusts the
/// lengths it reads, so a damaged or truncated file can take the whole worker process down with it;
/// here it becomes an error that says what is wrong.
/// </summary>
internal static class GgmlModelFile
{
    private const uint Magic = 0x67676d6c;

    // ggml tensor types whisper files use: id -> (elements per block, bytes per block).
    private static readonly Dictionary<int, (int Block, int Bytes)> Types = new()
    {
        [0] = (1, 4), [1] = (1, 2), [2] = (32, 18), [3] = (32, 20), [6] = (32, 22), [7] = (32, 24), [8] = (32, 34),
        [9] = (32, 36), [10] = (256, 84), [11] = (256, 110), [12] = (256, 144), [13] = (256, 176), [14] = (256, 210),
        [15] = (256, 292), [30] = (1, 2),
    };

    public static void Check(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        var length = stream.Length;
        try
        {
            if (length < 48 || reader.ReadUInt32() != Magic)
            {
                throw Corrupt(path, "it does not start with the ggml magic (is it an HTML error page or another format?)");
            }

            var h = new int[11];
            for (var i = 0; i < h.Length; i++)
            {
                h[i] = reader.ReadInt32();
            }

            var (vocabulary, audioLayers, state, textLayers) = (h[0], h[4], h[2], h[8]);
            if (h.Take(10).Any(v => v <= 0 || v > 1_000_000) || state > 16384 || audioLayers > 256 || textLayers > 256)
            {
                throw Corrupt(path, $"its hyperparameters are implausible ({string.Join(", ", h)})");
            }

            var mels = reader.ReadInt32();
            var fftBins = reader.ReadInt32();
            if (mels is <= 0 or > 1024 || fftBins is <= 0 or > 4096)
            {
                throw Corrupt(path, $"its mel filter table is {mels} x {fftBins}");
            }

            Skip(stream, (long)mels * fftBins * 4, path, "the mel filters");
            var tokens = reader.ReadInt32();
            if (tokens < 0 || tokens > vocabulary + 1024)
            {
                throw Corrupt(path, $"it announces {tokens} vocabulary entries for a vocabulary of {vocabulary}");
            }

            for (var i = 0; i < tokens; i++)
            {
                var size = reader.ReadUInt32();
                if (size > 4096)
                {
                    throw Corrupt(path, $"vocabulary entry {i} claims {size} bytes");
                }

                Skip(stream, size, path, $"vocabulary entry {i}");
            }

            var expected = 7 + 15 * audioLayers + 4 + 24 * textLayers;
            var found = 0;
            while (stream.Position < length)
            {
                CheckTensor(stream, reader, path);
                found++;
            }

            if (found != expected)
            {
                throw Corrupt(path, $"it holds {found} tensors where a model of {audioLayers}+{textLayers} layers has {expected}: it is incomplete");
            }
        }
        catch (EndOfStreamException)
        {
            throw Corrupt(path, $"it ends in the middle of its header ({length} bytes): it is truncated");
        }
    }

    private static void CheckTensor(FileStream stream, BinaryReader reader, string path)
    {
        var dimensions = reader.ReadInt32();
        var nameLength = reader.ReadInt32();
        var type = reader.ReadInt32();
        if (dimensions is < 1 or > 4 || nameLength is < 1 or > 256)
        {
            throw Corrupt(path, $"a tensor header at byte {stream.Position - 12} is invalid ({dimensions} dimensions, name of {nameLength} bytes)");
        }

        long elements = 1;
        for (var i = 0; i < dimensions; i++)
        {
            var extent = reader.ReadInt32();
            if (extent <= 0)
            {
                throw Corrupt(path, $"a tensor at byte {stream.Position} has extent {extent}");
            }

            elements *= extent;
        }

        var name = Encoding.UTF8.GetString(reader.ReadBytes(nameLength));
        if (!Types.TryGetValue(type, out var layout) || elements % layout.Block != 0)
        {
            throw Corrupt(path, $"tensor '{name}' has type {type}, which this check does not know for {elements} elements");
        }

        Skip(stream, elements / layout.Block * layout.Bytes, path, $"tensor '{name}'");
    }

    private static void Skip(FileStream stream, long bytes, string path, string what)
    {
        if (stream.Position + bytes > stream.Length)
        {
            throw Corrupt(path, $"{what} needs {bytes} bytes from byte {stream.Position}, but the file ends at {stream.Length}: it is truncated");
        }

        stream.Seek(bytes, SeekOrigin.Current);
    }

    private static SpeechRecognitionException Corrupt(string path, string reason) =>
        new("speech_model_corrupt", $"The whisper model {path} cannot be used: {reason}. Replace the file (or delete it to download it again).", isTransient: false);
}
