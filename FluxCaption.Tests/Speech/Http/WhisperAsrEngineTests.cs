using FluxCaption.Core.Speech;
using FluxCaption.Core.Speech.Http;
using FluxCaption.Tests.TestServers.ScriptedSpeech;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Speech.Http;

public sealed class WhisperAsrEngineTests
{
    private static readonly ScriptedUtterance[] Said =
    [
        new(0.1, 1.0, "Hello there."),
        new(1.2, 2.4, "How are you today?"),
    ];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static async Task<ScriptedWhisperAsrServer> ServerAsync(WhisperAsrFlavour flavour = WhisperAsrFlavour.OpenAiWhisper)
    {
        var server = await ScriptedWhisperAsrServer.StartAsync(flavour, Cancellation);
        server.Script.Utterances = Said;
        return server;
    }

    private static ServiceProvider Services(ScriptedWhisperAsrServer server, Dictionary<string, string?>? settings = null)
    {
        settings ??= [];
        settings["Speech:WhisperAsr:Endpoint"] = server.Endpoint.ToString();
        return HttpSpeechTestServices.Build(settings);
    }

    private static Task<WindowTranscript> TranscribeAsync(ServiceProvider services, TranscriptionRequest request) =>
        HttpSpeechTestServices.Engine(services, SpeechEngineNames.WhisperAsr).TranscribeAsync(request, Cancellation);

    [Fact]
    public async Task ASpokenWindowGoesToAsrAndComesBackAsSegmentsWithWordsAndTheDetectedLanguage()
    {
        await using var window = await SpokenWindow.CreateAsync();
        await using var server = await ServerAsync();
        await using var services = Services(server);

        var transcript = await TranscribeAsync(services, new TranscriptionRequest(window.Path, null));

        transcript.Language.ShouldBe("en");
        transcript.Segments.Select(s => (s.Start, s.End, s.Text)).ShouldBe([
            (TimeSpan.FromSeconds(0.1), TimeSpan.FromSeconds(1.0), "Hello there."),
            (TimeSpan.FromSeconds(1.2), TimeSpan.FromSeconds(2.4), "How are you today?"),
        ]);
        transcript.Segments[0].Words.ShouldBe([
            new TranscribedWord(TimeSpan.FromSeconds(0.1), TimeSpan.FromSeconds(0.55), "Hello", ScriptedWhisperAsrReplies.WordProbability),
            new TranscribedWord(TimeSpan.FromSeconds(0.55), TimeSpan.FromSeconds(1.0), "there.", ScriptedWhisperAsrReplies.WordProbability),
        ]);
        transcript.Segments[0].NoSpeechProbability.ShouldBe(ScriptedWhisperAsrReplies.NoSpeechProbability);
        transcript.Segments[0].AverageLogProbability.ShouldBe(ScriptedWhisperAsrReplies.AverageLogProbability);

        var request = server.Script.Requests.ShouldHaveSingleItem();
        request.Path.ShouldBe("/asr");
        request.Query.ShouldBe(new Dictionary<string, string>
        {
            ["task"] = "transcribe", ["output"] = "json", ["encode"] = "true", ["word_timestamps"] = "true",
        }, ignoreOrder: true);
        request.FileField.ShouldBe("audio_file");
        request.File.ShouldBe(window.Bytes);
    }

    [Fact]
    public async Task TheLanguageAndThePromptGoInTheQuery()
    {
        await using var window = await SpokenWindow.CreateAsync();
        await using var server = await ServerAsync();
        await using var services = Services(server, new() { ["Speech:WhisperAsr:VadFilter"] = "true" });

        var transcript = await TranscribeAsync(services, new TranscriptionRequest(window.Path, "zh-Hant", Prompt: "Previously: the station & the train?"));

        transcript.Language.ShouldBe("zh-Hant");
        var query = server.Script.Requests.ShouldHaveSingleItem().Query;
        query["language"].ShouldBe("zh");
        query["initial_prompt"].ShouldBe("Previously: the station & the train?");
        query["vad_filter"].ShouldBe("true");
        server.Script.Requests.ShouldNotContain(r => r.Path == "/detect-language");
    }

    [Theory]
    [InlineData(WhisperAsrFlavour.FasterWhisper)]
    [InlineData(WhisperAsrFlavour.FasterWhisperTuples)]
    [InlineData(WhisperAsrFlavour.WhisperX)]
    public async Task EveryAsrEngineOfTheServiceGivesTheSameTranscript(WhisperAsrFlavour flavour)
    {
        await using var window = await SpokenWindow.CreateAsync();
        await using var server = await ServerAsync(flavour);
        await using var services = Services(server);

        var transcript = await TranscribeAsync(services, new TranscriptionRequest(window.Path, "en"));

        transcript.Language.ShouldBe("en");
        transcript.Segments.Select(s => s.Text).ShouldBe(["Hello there.", "How are you today?"]);
        transcript.Segments[1].Words.Select(w => (w.Text, w.Start, w.End, w.Probability)).ShouldBe([
            ("How", TimeSpan.FromSeconds(1.2), TimeSpan.FromSeconds(1.5), ScriptedWhisperAsrReplies.WordProbability),
            ("are", TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(1.8), ScriptedWhisperAsrReplies.WordProbability),
            ("you", TimeSpan.FromSeconds(1.8), TimeSpan.FromSeconds(2.1), ScriptedWhisperAsrReplies.WordProbability),
            ("today?", TimeSpan.FromSeconds(2.1), TimeSpan.FromSeconds(2.4), ScriptedWhisperAsrReplies.WordProbability),
        ]);
    }

    [Fact]
    public async Task AReplyWithoutALanguageIsFollowedByOneDetectLanguageRequest()
    {
        await using var window = await SpokenWindow.CreateAsync();
        await using var server = await ServerAsync(WhisperAsrFlavour.WhisperX);
        await using var services = Services(server);
        server.Script.DetectedLanguage = "de";

        var transcript = await TranscribeAsync(services, new TranscriptionRequest(window.Path, null));

        transcript.Language.ShouldBe("de");
        server.Script.Requests.Select(r => r.Path).ShouldBe(["/asr", "/detect-language"]);
        var detect = server.Script.Requests[1];
        detect.Query.ShouldBe(new Dictionary<string, string> { ["encode"] = "true" });
        detect.File.ShouldBe(window.Bytes);
    }

    [Fact]
    public async Task WithEncodeOffTheBareSamplesAreSentAndTheTimesStillFit()
    {
        await using var window = await SpokenWindow.CreateAsync();
        await using var server = await ServerAsync();
        server.Script.Utterances = [new(0.1, 100.0, "Hello there.")];
        await using var services = Services(server, new() { ["Speech:WhisperAsr:Encode"] = "false" });

        var transcript = await TranscribeAsync(services, new TranscriptionRequest(window.Path, "en"));

        var request = server.Script.Requests.ShouldHaveSingleItem();
        request.Query["encode"].ShouldBe("false");
        request.File.ShouldBe(window.Bytes[44..]);

        // The server clips what was said to the audio it decoded: the samples, not a header read as noise.
        transcript.Segments.ShouldHaveSingleItem().End.TotalSeconds.ShouldBe(window.Seconds, 0.01);
    }

    [Fact]
    public async Task WithEncodeOffAWindowThatIsNotWhisperPcmIsRefusedBeforeSending()
    {
        await using var window = await SpokenWindow.CreateAsync("-ar 44100 -ac 2");
        await using var server = await ServerAsync();
        await using var services = Services(server, new() { ["Speech:WhisperAsr:Encode"] = "false" });

        var error = await Should.ThrowAsync<SpeechRecognitionException>(() => TranscribeAsync(services, new TranscriptionRequest(window.Path, "en")));

        error.Code.ShouldBe(HttpSpeechErrorCodes.BadAudio);
        error.Message.ShouldContain("44100 Hz, 2 channel(s)");
        error.Message.ShouldContain("Speech:WhisperAsr:Encode");
        server.Script.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task ALanguageTheServiceDoesNotKnowIsRefusedOnceQuotingItsValidationError()
    {
        await using var window = await SpokenWindow.CreateAsync();
        await using var server = await ServerAsync();
        await using var services = Services(server);

        // Abkhazian has an ISO 639-1 code, but Whisper was not trained on it.
        var error = await Should.ThrowAsync<SpeechRecognitionException>(() => TranscribeAsync(services, new TranscriptionRequest(window.Path, "ab")));

        error.Code.ShouldBe(HttpSpeechErrorCodes.Rejected);
        error.IsTransient.ShouldBeFalse();
        error.Message.ShouldContain("HTTP 422");
        error.Message.ShouldContain("query.language: Input should be one of the language values the service knows");
        server.Script.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task AnUnavailableServiceIsRetriedUntilItAnswers()
    {
        await using var window = await SpokenWindow.CreateAsync();
        await using var server = await ServerAsync();
        await using var services = Services(server);
        server.Script.RetryAfter = TimeSpan.Zero;
        server.Script.Enqueue(TranscriptionBehaviour.Unavailable, TranscriptionBehaviour.DropConnection);

        var transcript = await TranscribeAsync(services, new TranscriptionRequest(window.Path, "en"));

        transcript.Segments.Count.ShouldBe(2);
        server.AsrRequests.Select(r => r.Behaviour).ShouldBe([TranscriptionBehaviour.Unavailable, TranscriptionBehaviour.DropConnection, TranscriptionBehaviour.Normal]);
    }

    [Fact]
    public async Task MalformedJsonIsABadReplyNamingTheService()
    {
        await using var window = await SpokenWindow.CreateAsync();
        await using var server = await ServerAsync();
        await using var services = Services(server);
        server.Script.Enqueue(TranscriptionBehaviour.MalformedJson);

        var error = await Should.ThrowAsync<SpeechRecognitionException>(() => TranscribeAsync(services, new TranscriptionRequest(window.Path, "en")));

        error.Code.ShouldBe(HttpSpeechErrorCodes.BadReply);
        error.Message.ShouldContain("whisper-asr-webservice at " + server.Endpoint + "asr");
    }
}
