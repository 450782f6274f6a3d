using FluxCaption.Core.Speech.Audio;

namespace FluxCaption.Tests.Speech.Audio;

public sealed class WavWindowWriterTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("fluxcaption-wav-tests-");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string PathOf(string name) => Path.Combine(_directory.FullName, name);

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task AWindowHoldsExactlyTheSamplesOfItsTimeDespiteChunksBeforeTheData()
    {
        var source = PathOf("numbered.wav");
        Wav.WriteNumbered(source, 16000, 48000);

        var format = await WavWindowWriter.WriteAsync(source, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.5), PathOf("window.wav"), Token);

        var samples = Wav.Samples(PathOf("window.wav"));
        samples.Length.ShouldBe(8000);
        samples[0].ShouldBe((short)16000);
        samples[^1].ShouldBe((short)23999);
        var written = WavFormat.Read(PathOf("window.wav"));
        (written.SampleRate, written.Channels, written.BitsPerSample, written.SampleCount).ShouldBe((16000, 1, 16, 8000L));
        format.DataLength.ShouldBe(16000);
    }

    [Fact]
    public async Task ConsecutiveWindowsPutBackTogetherAreTheWholeFile()
    {
        var source = PathOf("numbered.wav");
        Wav.WriteNumbered(source, 16000, 40001);
        TimeSpan[] cuts = [TimeSpan.Zero, TimeSpan.FromSeconds(0.3333333), TimeSpan.FromSeconds(1.23456), TimeSpan.FromSeconds(2.5000312)];

        var joined = new List<short>();
        for (var i = 0; i < cuts.Length; i++)
        {
            var end = i + 1 < cuts.Length ? cuts[i + 1] : TimeSpan.FromSeconds(10);
            await WavWindowWriter.WriteAsync(source, cuts[i], end, PathOf($"part{i}.wav"), Token);
            joined.AddRange(Wav.Samples(PathOf($"part{i}.wav")));
        }

        joined.ShouldBe(Wav.Samples(source));
    }

    [Fact]
    public async Task AWindowOfRealDecodedAudioIsAValidWav()
    {
        var speech = PathOf("speech.wav");
        await SpeechMedia.CreateAudioAsync(speech, [AudioPart.Say("One two three four five six.")]);

        await WavWindowWriter.WriteAsync(speech, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1.25), PathOf("cut.wav"), Token);

        var format = WavFormat.Read(speech);
        var cut = WavFormat.Read(PathOf("cut.wav"));
        cut.SampleRate.ShouldBe(format.SampleRate);
        cut.SampleCount.ShouldBe((long)Math.Round(0.75 * format.SampleRate));
        Wav.Samples(PathOf("cut.wav")).ShouldBe(Wav.Samples(speech).Skip((int)Math.Round(0.5 * format.SampleRate)).Take((int)cut.SampleCount));
    }

    [Fact]
    public async Task AFileThatIsNotWavIsAClearError()
    {
        await File.WriteAllTextAsync(PathOf("notes.txt"), "not audio at all", Token);

        var error = await Should.ThrowAsync<InvalidDataException>(() =>
            WavWindowWriter.WriteAsync(PathOf("notes.txt"), TimeSpan.Zero, TimeSpan.FromSeconds(1), PathOf("x.wav"), Token));

        error.Message.ShouldContain("not a WAV file");
    }
}
