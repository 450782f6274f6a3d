using FluxCaption.Core.Speech;

namespace FluxCaption.Tests.Speech.WhisperNet;

/// <summary>
/// The real Whisper.net (whisper.cpp) runs a model generated in the real ggml format on speech made by
/// espeak-ng. The model's words are meaningless; loading, language handling, segments and timing are real.
/// </summary>
public sealed class WhisperNetEngineTests
{
    private const string Sentence = "The quick brown fox jumps over the lazy dog. Subtitles are made from speech.";

    [Fact]
    public async Task SpokenEnglishBecomesTimedSegmentsInsideTheAudioWithTheLanguageDetected()
    {
        using var host = new WhisperNetTestHost();
        var wav = await SpokenAudio.CreateAsync(host.Scratch, Sentence);
        var duration = SpokenAudio.Duration(wav);

        var transcript = await host.Engine.TranscribeAsync(new TranscriptionRequest(wav, Language: null), TestContext.Current.CancellationToken);

        transcript.Language.ShouldBe("en");
        transcript.Segments.Count.ShouldBeGreaterThanOrEqualTo(2);
        transcript.Segments.ShouldAllBe(s => s.Start >= TimeSpan.Zero && s.Start < s.End && s.End <= duration && s.Text.Length > 0);
        transcript.Segments.Zip(transcript.Segments.Skip(1)).ShouldAllBe(pair => pair.First.End <= pair.Second.Start);
        transcript.Segments[^1].End.ShouldBe(duration, TimeSpan.FromMilliseconds(1));
        foreach (var segment in transcript.Segments)
        {
            segment.Words.ShouldNotBeEmpty();
            segment.Words.ShouldAllBe(w => w.Start >= segment.Start && w.End <= segment.End && w.Start <= w.End && w.Text.Trim().Length > 0);
            string.Join(' ', segment.Words.Select(w => w.Text)).ShouldBe(segment.Text);
            segment.NoSpeechProbability.ShouldNotBeNull().ShouldBeInRange(0, 1);
            segment.AverageLogProbability.ShouldNotBeNull().ShouldBeLessThanOrEqualTo(0);
        }
    }

    [Fact]
    public async Task AGivenLanguageAndPromptAreUsedAndTheLanguageIsReportedAsGiven()
    {
        using var host = new WhisperNetTestHost();
        var wav = await SpokenAudio.CreateAsync(host.Scratch, "Guten Morgen, wie geht es dir heute?", voice: "de");

        var transcript = await host.Engine.TranscribeAsync(
            new TranscriptionRequest(wav, "pt-BR", Prompt: "Bom dia a todos."), TestContext.Current.CancellationToken);

        transcript.Language.ShouldBe("pt-BR");
        transcript.Segments.ShouldNotBeEmpty();
        transcript.Segments.ShouldAllBe(s => s.End <= SpokenAudio.Duration(wav));
    }

    [Fact]
    public async Task ALanguageWhisperCannotTranscribeIsRefusedByName()
    {
        using var host = new WhisperNetTestHost();
        var wav = await SpokenAudio.CreateAsync(host.Scratch, "Dia duit.");

        var error = await Should.ThrowAsync<SpeechRecognitionException>(
            () => host.Engine.TranscribeAsync(new TranscriptionRequest(wav, "ga"), TestContext.Current.CancellationToken));

        error.Code.ShouldBe("speech_language_unsupported");
        error.Message.ShouldContain("Irish");
        error.IsTransient.ShouldBeFalse();
    }

    [Fact]
    public async Task AModelNamedByAbsolutePathIsUsed()
    {
        using var host = new WhisperNetTestHost();
        var path = Path.Combine(host.ModelsFolder, "ggml-test.bin");
        var moved = Path.Combine(host.Scratch, "my-model.bin");
        File.Move(path, moved);
        var wav = await SpokenAudio.CreateAsync(host.Scratch, Sentence);

        var transcript = await host.Engine.TranscribeAsync(new TranscriptionRequest(wav, "en", Model: moved), TestContext.Current.CancellationToken);

        transcript.Segments.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task AWindowThatIsNotSixteenKilohertzIsRefused()
    {
        using var host = new WhisperNetTestHost();
        var wav = await SpokenAudio.CreateAsync(host.Scratch, Sentence, sampleRate: 22050);

        var error = await Should.ThrowAsync<SpeechRecognitionException>(
            () => host.Engine.TranscribeAsync(new TranscriptionRequest(wav, "en"), TestContext.Current.CancellationToken));

        error.Code.ShouldBe("speech_bad_audio");
        error.Message.ShouldContain(wav);
        error.Message.ShouldContain("16 kHz");
    }

    [Fact]
    public async Task AMissingWindowFileIsNamed()
    {
        using var host = new WhisperNetTestHost();
        var wav = Path.Combine(host.Scratch, "gone.wav");

        var error = await Should.ThrowAsync<SpeechRecognitionException>(
            () => host.Engine.TranscribeAsync(new TranscriptionRequest(wav, "en"), TestContext.Current.CancellationToken));

        error.Code.ShouldBe("speech_bad_audio");
        error.Message.ShouldContain(wav);
    }

    [Fact]
    public async Task ACancelledTranscriptionStopsWithCancellation()
    {
        using var host = new WhisperNetTestHost();
        var wav = await SpokenAudio.CreateAsync(host.Scratch, Sentence);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(
            () => host.Engine.TranscribeAsync(new TranscriptionRequest(wav, "en"), cancelled.Token));
    }
}
