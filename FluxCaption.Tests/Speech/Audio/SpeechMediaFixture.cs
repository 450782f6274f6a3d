using FluxCaption.Core.Media;
using FluxCaption.Core.Speech.Audio;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FluxCaption.Tests.Speech.Audio;

/// <summary>Speech audio and videos generated once per test class with espeak-ng and ffmpeg; tests only read them.</summary>
public sealed class SpeechMediaFixture : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("fluxcaption-speech-tests-");

    /// <summary>Speech, 2 s of silence, speech, 1.5 s of silence.</summary>
    public string SpeechWav => Path.Combine(_directory.FullName, "speech.wav");

    /// <summary>Start and end (seconds) of each part of <see cref="SpeechWav"/>.</summary>
    public List<(double Start, double End)> SpeechParts { get; private set; } = [];

    /// <summary>
    /// Stream 1: a 4 s English commentary tone (disposition comment); stream 2: the French dialogue (<see cref="SpeechWav"/>,
    /// default); stream 3: a French tone flagged for the visually impaired (audio description).
    /// </summary>
    public string TwoTrackVideo => Path.Combine(_directory.FullName, "two-tracks.mkv");

    /// <summary>The dialogue starts 1.5 s after the picture.</summary>
    public string DelayedVideo => Path.Combine(_directory.FullName, "delayed.mkv");

    public string VideoWithoutAudio => Path.Combine(_directory.FullName, "no-audio.mkv");

    public string Output(string name) => Path.Combine(_directory.FullName, "out", name);

    public IOptions<MediaOptions> MediaOptions => Options.Create(new MediaOptions { TempDirectory = Path.Combine(_directory.FullName, "temp") });

    public AudioExtractor Extractor(SpeechAudioOptions? audio = null) =>
        new(MediaOptions, Options.Create(audio ?? new SpeechAudioOptions()), NullLogger<AudioExtractor>.Instance);

    public SilenceDetector Detector(SpeechAudioOptions? audio = null) => new(MediaOptions, Options.Create(audio ?? new SpeechAudioOptions()));

    public MediaProbe Probe => new(MediaOptions, NullLogger<MediaProbe>.Instance);

    public async ValueTask InitializeAsync()
    {
        SpeechParts = await SpeechMedia.CreateAudioAsync(SpeechWav,
        [
            AudioPart.Say("Hello there, this is the first sentence of the test."),
            AudioPart.Silence(2),
            AudioPart.Say("And here comes the second one, a little later."),
            AudioPart.Silence(1.5),
        ]);
        var tone = Path.Combine(_directory.FullName, "tone.wav");
        await SpeechMedia.CreateToneAsync(tone, 4);
        await SpeechMedia.CreateVideoAsync(TwoTrackVideo, 4,
        [
            new TestAudioTrack(tone, "eng", "Director's Commentary", "comment"),
            new TestAudioTrack(SpeechWav, "fre", "Français", "default"),
            new TestAudioTrack(tone, "fre", "Français 2", "visual_impaired"),
        ]);
        await SpeechMedia.CreateVideoAsync(DelayedVideo, SpeechParts[^1].End + 1.5, [new TestAudioTrack(SpeechWav, "eng", Offset: 1.5)]);
        await SpeechMedia.CreateSilentVideoAsync(VideoWithoutAudio);
    }

    public ValueTask DisposeAsync()
    {
        _directory.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }
}
