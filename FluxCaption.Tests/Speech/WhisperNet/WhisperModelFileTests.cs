using FluxCaption.Core.Speech;

namespace FluxCaption.Tests.Speech.WhisperNet;

/// <summary>Damaged model files fail with an error that names the file and the damage, and the worker survives.</summary>
public sealed class WhisperModelFileTests
{
    [Fact]
    public async Task ATruncatedModelFailsNamingTheFileAndTheTruncation()
    {
        using var host = new WhisperNetTestHost();
        var path = Path.Combine(host.ModelsFolder, "ggml-test.bin");
        using (var file = new FileStream(path, FileMode.Open))
        {
            // An interrupted copy: the file ends in the middle of the tensors.
            file.SetLength(file.Length * 2 / 3);
        }

        var wav = await SpokenAudio.CreateAsync(host.Scratch, "Hello there.");

        var error = await Should.ThrowAsync<SpeechRecognitionException>(
            () => host.Engine.TranscribeAsync(new TranscriptionRequest(wav, "en"), TestContext.Current.CancellationToken));

        error.Code.ShouldBe("speech_model_corrupt");
        error.Message.ShouldContain(path);
        error.Message.ShouldContain("truncated");
        error.IsTransient.ShouldBeFalse();
        host.Cache.LoadedCount.ShouldBe(0);
    }

    [Fact]
    public async Task AFileThatIsNotAModelFailsNamingTheFile()
    {
        using var host = new WhisperNetTestHost();
        var path = Path.Combine(host.ModelsFolder, "ggml-test.bin");
        await File.WriteAllTextAsync(path, "<html><body>502 Bad Gateway</body></html>" + new string(' ', 200), TestContext.Current.CancellationToken);
        var wav = await SpokenAudio.CreateAsync(host.Scratch, "Hello there.");

        var error = await Should.ThrowAsync<SpeechRecognitionException>(
            () => host.Engine.TranscribeAsync(new TranscriptionRequest(wav, "en"), TestContext.Current.CancellationToken));

        error.Code.ShouldBe("speech_model_corrupt");
        error.Message.ShouldContain(path);
        error.Message.ShouldContain("magic");
    }

    [Fact]
    public async Task AModelWithAWrongTensorShapeIsRejectedByWhisperNetAndNamed()
    {
        using var host = new WhisperNetTestHost();
        var path = Path.Combine(host.ModelsFolder, "ggml-test.bin");
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);

        // Rename one tensor: the structure stays whole, but whisper.cpp finds a tensor it does not know.
        var name = "encoder.conv1.bias"u8.ToArray();
        var at = bytes.AsSpan().IndexOf(name);
        at.ShouldBeGreaterThan(0);
        "decoder.conv1.bias"u8.CopyTo(bytes.AsSpan(at));
        await File.WriteAllBytesAsync(path, bytes, TestContext.Current.CancellationToken);
        var wav = await SpokenAudio.CreateAsync(host.Scratch, "Hello there.");

        var error = await Should.ThrowAsync<SpeechRecognitionException>(
            () => host.Engine.TranscribeAsync(new TranscriptionRequest(wav, "en"), TestContext.Current.CancellationToken));

        error.Code.ShouldBe("speech_model_corrupt");
        error.Message.ShouldContain(path);
        error.Message.ShouldContain("Whisper.net could not load");
    }
}
