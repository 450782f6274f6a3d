using FluxCaption.Core.Speech;
using FluxCaption.Tests.TestServers.ScriptedSpeech;

namespace FluxCaption.Tests.Speech.Http;

public sealed class OpenAiTranscriptionEngineTests
{
    private static readonly ScriptedUtterance[] Said =
    [
        new(0.1, 1.0, "Hello there."),
        new(1.2, 2.4, "How are you today?"),
    ];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static async Task<(ScriptedOpenAiTranscriptionServer Server, Microsoft.Extensions.DependencyInjection.ServiceProvider Services)> StartAsync(
        OpenAiTranscriptionFlavour flavour = OpenAiTranscriptionFlavour.OpenAi, Dictionary<string, string?>? settings = null)
    {
        var server = await ScriptedOpenAiTranscriptionServer.StartAsync(flavour, Cancellation);
        server.Script.Utterances = Said;
        settings ??= [];
        settings["Speech:OpenAi:Endpoint"] = server.Endpoint.ToString();
        return (server, HttpSpeechTestServices.Build(settings));
    }

    private static ISpeechRecognitionEngine Engine(Microsoft.Extensions.DependencyInjection.ServiceProvider services) =>
        HttpSpeechTestServices.Engine(services, SpeechEngineNames.OpenAi);

    [Fact]
    public async Task ASpokenWindowComesBackAsSegmentsAndWordsWithTheirTimesAndTheDetectedLanguage()
    {
        await using var window = await SpokenWindow.CreateAsync();
        var (server, services) = await StartAsync();
        await using var _ = server;
        await using var __ = services;

        var transcript = await Engine(services).TranscribeAsync(new TranscriptionRequest(window.Path, null), Cancellation);

        transcript.Language.ShouldBe("en");
        transcript.Segments.Select(s => s.Text).ShouldBe(["Hello there.", "How are you today?"]);
        var first = transcript.Segments[0];
        (first.Start, first.End).ShouldBe((TimeSpan.FromSeconds(0.1), TimeSpan.FromSeconds(1.0)));
        first.Words.ShouldBe([
            new TranscribedWord(TimeSpan.FromSeconds(0.1), TimeSpan.FromSeconds(0.55), "Hello"),
            new TranscribedWord(TimeSpan.FromSeconds(0.55), TimeSpan.FromSeconds(1.0), "there."),
        ]);
        transcript.Segments[1].Words.Select(w => w.Text).ShouldBe(["How", "are", "you", "today?"]);
        first.AverageLogProbability.ShouldBe(ScriptedOpenAiTranscriptionReplies.AverageLogProbability);
        first.NoSpeechProbability.ShouldBe(ScriptedOpenAiTranscriptionReplies.NoSpeechProbability);

        var request = server.Script.Requests.ShouldHaveSingleItem();
        request.Path.ShouldBe("/v1/audio/transcriptions");
        request.File.ShouldBe(window.Bytes);
        request.FileName.ShouldBe("window-0001.wav");
        request.Field("model").ShouldBe("whisper-1");
        request.Field("response_format").ShouldBe("verbose_json");
        request.Fields["timestamp_granularities[]"].ShouldBe(["segment", "word"]);
        request.Fields.Keys.ShouldNotContain("language");
        request.Fields.Keys.ShouldNotContain("prompt");
        request.Authorization.ShouldBeNull();
    }

    [Theory]
    [InlineData("pt-BR", "pt", "pt-BR")]
    [InlineData("zh-Hant", "zh", "zh-Hant")]
    [InlineData("jv", "jw", "jv")]
    [InlineData("en", "en", "en")]
    public async Task TheLanguageGoesOutAsWhisperCodeAndTheTranscriptKeepsTheRequestedTag(string language, string sent, string expected)
    {
        await using var window = await SpokenWindow.CreateAsync();
        var (server, services) = await StartAsync();
        await using var _ = server;
        await using var __ = services;

        var transcript = await Engine(services).TranscribeAsync(
            new TranscriptionRequest(window.Path, language, Model: "Systran/faster-whisper-small", Prompt: "  Previously: the station.  "), Cancellation);

        transcript.Language.ShouldBe(expected);
        var request = server.Script.Requests.ShouldHaveSingleItem();
        request.Field("language").ShouldBe(sent);
        request.Field("prompt").ShouldBe("Previously: the station.");
        request.Field("model").ShouldBe("Systran/faster-whisper-small");
    }

    [Theory]
    [InlineData(OpenAiTranscriptionFlavour.OpenAi, "fr", "fr")]
    [InlineData(OpenAiTranscriptionFlavour.Speaches, "fr", "fr")]
    [InlineData(OpenAiTranscriptionFlavour.OpenAi, "jw", "jv")]
    [InlineData(OpenAiTranscriptionFlavour.Speaches, "de", "de")]
    public async Task ADetectedLanguageNamedOrCodedBecomesACanonicalTag(OpenAiTranscriptionFlavour flavour, string detected, string expected)
    {
        await using var window = await SpokenWindow.CreateAsync();
        var (server, services) = await StartAsync(flavour);
        await using var _ = server;
        await using var __ = services;
        server.Script.DetectedLanguage = detected;

        var transcript = await Engine(services).TranscribeAsync(new TranscriptionRequest(window.Path, null), Cancellation);

        transcript.Language.ShouldBe(expected);
        transcript.Segments.Count.ShouldBe(2);
        transcript.Segments[0].Words.Count.ShouldBe(2);
    }

    [Fact]
    public async Task WhisperCppsServerOnItsInferencePathGivesWordsJoinedFromItsTokens()
    {
        await using var window = await SpokenWindow.CreateAsync();
        var (server, services) = await StartAsync(OpenAiTranscriptionFlavour.WhisperCpp, new() { ["Speech:OpenAi:InferencePath"] = "/inference" });
        await using var _ = server;
        await using var __ = services;

        var transcript = await Engine(services).TranscribeAsync(new TranscriptionRequest(window.Path, null), Cancellation);

        transcript.Language.ShouldBe("en");
        transcript.Segments.Select(s => s.Text).ShouldBe(["Hello there.", "How are you today?"]);

        // " Hel" + "lo" and " the" + "re" + "." come back as the two words they were.
        transcript.Segments[0].Words.Select(w => (w.Text, w.Start, w.End)).ShouldBe([
            ("Hello", TimeSpan.FromSeconds(0.1), TimeSpan.FromSeconds(0.55)),
            ("there.", TimeSpan.FromSeconds(0.55), TimeSpan.FromSeconds(1.0)),
        ]);
        transcript.Segments[0].Words[0].Probability.ShouldBe(0.9);
        transcript.Segments[0].NoSpeechProbability.ShouldBeNull();
        server.Script.Requests.ShouldHaveSingleItem().Path.ShouldBe("/inference");
    }

    [Fact]
    public async Task LocalAisNanosecondTimesBecomeSecondsAndItsMissingLanguageStaysUnknown()
    {
        await using var window = await SpokenWindow.CreateAsync();
        var (server, services) = await StartAsync(OpenAiTranscriptionFlavour.LocalAi);
        await using var _ = server;
        await using var __ = services;

        var transcript = await Engine(services).TranscribeAsync(new TranscriptionRequest(window.Path, null), Cancellation);

        transcript.Language.ShouldBeNull();
        transcript.Segments.Select(s => (s.Start, s.End, s.Text)).ShouldBe([
            (TimeSpan.FromSeconds(0.1), TimeSpan.FromSeconds(1.0), "Hello there."),
            (TimeSpan.FromSeconds(1.2), TimeSpan.FromSeconds(2.4), "How are you today?"),
        ]);
        transcript.Segments.ShouldAllBe(s => s.Words.Count == 0);
    }

    [Theory]
    [InlineData(TranscriptionBehaviour.PlainTextOnly)]
    [InlineData(TranscriptionBehaviour.TextBody)]
    public async Task AReplyWithOnlyTextBecomesOneSegmentSpanningTheWindow(TranscriptionBehaviour behaviour)
    {
        await using var window = await SpokenWindow.CreateAsync();
        var (server, services) = await StartAsync();
        await using var _ = server;
        await using var __ = services;
        server.Script.Enqueue(behaviour);

        var transcript = await Engine(services).TranscribeAsync(new TranscriptionRequest(window.Path, "en"), Cancellation);

        var segment = transcript.Segments.ShouldHaveSingleItem();
        segment.Text.ShouldBe("Hello there. How are you today?");
        segment.Start.ShouldBe(TimeSpan.Zero);
        segment.End.TotalSeconds.ShouldBe(window.Seconds, 0.001);
        segment.Words.ShouldBeEmpty();
        transcript.Language.ShouldBe("en");
    }
}
