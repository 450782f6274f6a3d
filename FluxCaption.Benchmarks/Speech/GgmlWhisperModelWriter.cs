using System.Runtime.InteropServices;
using System.Text;

namespace FluxCaption.Benchmarks.Speech;

/// <summary>
/// Writes a whisper model in whisper.cpp's legacy ggml file format (magic, hyperparameters, mel filters,
/// vocabulary, then every encoder and decoder tensor by name and shape, weights in f16) that the
/// whisper.cpp inside Whisper.net loads like a published model. No trained weights exist here, so the
/// weights are seeded noise, except in the decoder: its first MLP block maps each scripted token to the
/// one that should follow (see <see cref="WhisperDecodingScript"/>), and the other decoder blocks add
/// nothing to the residual stream. Decoding therefore ends after a realistic number of tokens, with
/// timestamped segments, whatever the audio; the encoder still does all of a real model's work.
/// </summary>
public static class GgmlWhisperModelWriter
{
    private const uint Magic = 0x67676d6c; // "ggml"
    private const int F32 = 0;
    private const int F16 = 1;

    // Scripted token embedding, the step the first MLP writes towards the follower, and the final norm's
    // gain: the follower's logit lands near 40, every unscripted token near 0.
    private const float Embedding = 1f;
    private const float Step = 4f;
    private const float OutputGain = 5f;
    private const float Noise = 0.02f;

    /// <summary>Writes the model to <paramref name="path"/> (replacing it) and returns its size in bytes.</summary>
    public static long Write(string path, GgmlWhisperDimensions dimensions, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        dimensions.Validate();
        var script = WhisperDecodingScript.For(dimensions);
        var random = new Random(seed);

        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        using (var writer = new BinaryWriter(file, Encoding.UTF8, leaveOpen: false))
        {
            WriteHeader(writer, dimensions);
            WriteEncoder(writer, dimensions, random);
            WriteDecoder(writer, dimensions, script, random);
        }

        return new FileInfo(path).Length;
    }

    private static void WriteHeader(BinaryWriter writer, GgmlWhisperDimensions d)
    {
        writer.Write(Magic);
        int[] hyperparameters = [d.Vocabulary, d.AudioContext, d.State, d.Heads, d.Layers, d.TextContext, d.State, d.Heads, d.Layers, d.Mels, F16];
        foreach (var value in hyperparameters)
        {
            writer.Write(value);
        }

        writer.Write(d.Mels);
        writer.Write(MelFilterBank.FftBins);
        writer.Write(MemoryMarshal.AsBytes(MelFilterBank.Build(d.Mels).AsSpan()));

        var vocabulary = SyntheticVocabulary.Build();
        writer.Write(vocabulary.Length);
        foreach (var token in vocabulary)
        {
            writer.Write((uint)token.Length);
            writer.Write(token);
        }
    }

    private static void WriteEncoder(BinaryWriter writer, GgmlWhisperDimensions d, Random random)
    {
        var s = d.State;
        Tensor(writer, "encoder.positional_embedding", [s, d.AudioContext], F32, Sinusoids(d.AudioContext, s));
        Tensor(writer, "encoder.conv1.weight", [3, d.Mels, s], F16, Uniform(random, 3 * d.Mels * s, FanIn(3 * d.Mels)));
        Tensor(writer, "encoder.conv1.bias", [1, s], F32, new float[s]);
        Tensor(writer, "encoder.conv2.weight", [3, s, s], F16, Uniform(random, 3 * s * s, FanIn(3 * s)));
        Tensor(writer, "encoder.conv2.bias", [1, s], F32, new float[s]);
        Norm(writer, "encoder.ln_post", s, 1f);
        for (var layer = 0; layer < d.Layers; layer++)
        {
            var block = $"encoder.blocks.{layer}";
            Attention(writer, $"{block}.attn", s, random, FanIn(s));
            Norm(writer, $"{block}.attn_ln", s, 1f);
            Tensor(writer, $"{block}.mlp.0.weight", [s, 4 * s], F16, Uniform(random, 4 * s * s, FanIn(s)));
            Tensor(writer, $"{block}.mlp.0.bias", [4 * s], F32, new float[4 * s]);
            Tensor(writer, $"{block}.mlp.2.weight", [4 * s, s], F16, Uniform(random, 4 * s * s, FanIn(4 * s)));
            Tensor(writer, $"{block}.mlp.2.bias", [s], F32, new float[s]);
            Norm(writer, $"{block}.mlp_ln", s, 1f);
        }
    }

    private static void WriteDecoder(BinaryWriter writer, GgmlWhisperDimensions d, WhisperDecodingScript script, Random random)
    {
        var s = d.State;
        var scripted = script.Tokens.Count;

        var positions = Uniform(random, s * d.TextContext, Noise / 10);
        ClearScriptedDimensions(positions, s, scripted);
        Tensor(writer, "decoder.positional_embedding", [s, d.TextContext], F32, positions);

        var embedding = Uniform(random, s * d.Vocabulary, Noise);
        ClearScriptedDimensions(embedding, s, scripted);
        for (var dimension = 0; dimension < scripted; dimension++)
        {
            var row = embedding.AsSpan(script.Tokens[dimension] * s, s);
            row.Clear();
            row[dimension] = Embedding;
        }

        Tensor(writer, "decoder.token_embedding.weight", [s, d.Vocabulary], F16, embedding);
        Norm(writer, "decoder.ln", s, OutputGain);

        for (var layer = 0; layer < d.Layers; layer++)
        {
            var block = $"decoder.blocks.{layer}";

            // Attention reads (real work for the CPU) but writes nothing back: its output projections are zero.
            Attention(writer, $"{block}.attn", s, random, Noise, silent: true);
            Norm(writer, $"{block}.attn_ln", s, 1f);
            Attention(writer, $"{block}.cross_attn", s, random, Noise, silent: true);
            Norm(writer, $"{block}.cross_attn_ln", s, 1f);

            var (up, upBias, down) = layer == 0 ? ScriptedMlp(s, script, random) : (Uniform(random, 4 * s * s, Noise), new float[4 * s], new float[4 * s * s]);
            Tensor(writer, $"{block}.mlp.0.weight", [s, 4 * s], F16, up);
            Tensor(writer, $"{block}.mlp.0.bias", [4 * s], F32, upBias);
            Tensor(writer, $"{block}.mlp.2.weight", [4 * s, s], F16, down);
            Tensor(writer, $"{block}.mlp.2.bias", [s], F32, new float[s]);
            Norm(writer, $"{block}.mlp_ln", s, 1f);
        }
    }

    /// <summary>
    /// Hidden unit i fires only when the residual stream holds scripted token i (its normalised dimension
    /// reaches about sqrt(state); the bias takes half of that away), and then writes <see cref="Step"/>
    /// into the dimension of each follower.
    /// </summary>
    private static (float[] Up, float[] UpBias, float[] Down) ScriptedMlp(int s, WhisperDecodingScript script, Random random)
    {
        var hidden = 4 * s;
        var up = Uniform(random, hidden * s, Noise);
        var upBias = new float[hidden];
        var down = new float[s * hidden];
        var threshold = MathF.Sqrt(s) / 2;
        var dimensionOf = script.Tokens.Select((token, dimension) => (token, dimension)).ToDictionary(p => p.token, p => p.dimension);
        for (var unit = 0; unit < script.Tokens.Count; unit++)
        {
            // A scripted unit reads its own token's dimension and nothing else.
            up.AsSpan(unit * s, s).Clear();
        }

        foreach (var (token, followers) in script.Next)
        {
            var unit = dimensionOf[token];
            up[unit * s + unit] = 1f;
            upBias[unit] = -threshold;
            foreach (var follower in followers)
            {
                down[dimensionOf[follower] * hidden + unit] = Step / threshold;
            }
        }

        return (up, upBias, down);
    }

    private static void Attention(BinaryWriter writer, string prefix, int s, Random random, float amplitude, bool silent = false)
    {
        Tensor(writer, $"{prefix}.query.weight", [s, s], F16, Uniform(random, s * s, amplitude));
        Tensor(writer, $"{prefix}.query.bias", [s], F32, new float[s]);
        Tensor(writer, $"{prefix}.key.weight", [s, s], F16, Uniform(random, s * s, amplitude));
        Tensor(writer, $"{prefix}.value.weight", [s, s], F16, Uniform(random, s * s, amplitude));
        Tensor(writer, $"{prefix}.value.bias", [s], F32, new float[s]);
        Tensor(writer, $"{prefix}.out.weight", [s, s], F16, silent ? new float[s * s] : Uniform(random, s * s, amplitude));
        Tensor(writer, $"{prefix}.out.bias", [s], F32, new float[s]);
    }

    private static void Norm(BinaryWriter writer, string prefix, int s, float gain)
    {
        Tensor(writer, $"{prefix}.weight", [s], F32, Enumerable.Repeat(gain, s).ToArray());
        Tensor(writer, $"{prefix}.bias", [s], F32, new float[s]);
    }

    /// <summary>One tensor record: dimensions, name length, type, the extents (innermost first), the name, the data.</summary>
    private static void Tensor(BinaryWriter writer, string name, int[] extents, int type, float[] data)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        writer.Write(extents.Length);
        writer.Write(nameBytes.Length);
        writer.Write(type);
        foreach (var extent in extents)
        {
            writer.Write(extent);
        }

        writer.Write(nameBytes);
        if (type == F32)
        {
            writer.Write(MemoryMarshal.AsBytes(data.AsSpan()));
            return;
        }

        var halves = new Half[data.Length];
        for (var i = 0; i < data.Length; i++)
        {
            halves[i] = (Half)data[i];
        }

        writer.Write(MemoryMarshal.AsBytes(halves.AsSpan()));
    }

    private static void ClearScriptedDimensions(float[] rows, int width, int scripted)
    {
        for (var offset = 0; offset < rows.Length; offset += width)
        {
            rows.AsSpan(offset, scripted).Clear();
        }
    }

    private static float FanIn(int inputs) => 1f / MathF.Sqrt(inputs);

    private static float[] Uniform(Random random, int count, float amplitude)
    {
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = (random.NextSingle() * 2 - 1) * amplitude;
        }

        return values;
    }

    /// <summary>The fixed sine/cosine position code whisper's encoder uses.</summary>
    private static float[] Sinusoids(int length, int channels)
    {
        var half = channels / 2;
        var increment = Math.Log(10000) / (half - 1);
        var values = new float[length * channels];
        for (var position = 0; position < length; position++)
        {
            for (var i = 0; i < half; i++)
            {
                var angle = position * Math.Exp(-increment * i);
                values[position * channels + i] = (float)Math.Sin(angle);
                values[position * channels + half + i] = (float)Math.Cos(angle);
            }
        }

        return values;
    }
}
