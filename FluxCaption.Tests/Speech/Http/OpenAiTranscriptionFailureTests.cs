using System.Diagnostics;
using FluxCaption.Core.Speech;
using FluxCaption.Core.Speech.Http;
using FluxCaption.Tests.TestServers.ScriptedSpeech;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Speech.Http;

public sealed class OpenAiTranscriptionFailureTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static async Task<ScriptedOpenAiTranscriptionServer> ServerAsync(OpenAiTranscriptionFlavour flavour = OpenAiTranscriptionFlavour.OpenAi)
    {
        var server = await ScriptedOpenAiTranscriptionServer.StartAsync(flavour, Cancellation);
        server.Script.Utterances = [new(0.1, 1.0, "Hello there.")];
        return server;
    }

    private static ServiceProvider Services(ScriptedOpenAiTranscriptionServer server, Dictionary<string, string?>? settings = null, TraceLogs? logs = null)
    {
        settings ??= [];
        settings["Speech:OpenAi:Endpoint"] = server.Endpoint.ToString();
        return HttpSpeechTestServices.Build(settings, logs);
    }

    private static Task<WindowTranscript> TranscribeAsync(ServiceProvider services, SpokenWindow window) =>
        HttpSpeechTestServices.Engine(services, SpeechEngineNames.OpenAi).TranscribeAsync(new TranscriptionRequest(window.Path, "en"), Cancellation);

    [Fact]
    public async Task TransientFailuresAreRetriedHonouringRetryAfterUntilTheServerAnswers()
    {
        await using var window = await SpokenWindow.CreateAsync();
        await using var server = await ServerAsync();
        await using var services = Services(server, new() { ["Speech:OpenAi:MaxRetryAttempts"] = "4" });
        server.Script.Enqueue(TranscriptionBehaviour.ServerError, TranscriptionBehaviour.Unavailable, TranscriptionBehaviour.TooManyRequests, TranscriptionBehaviour.DropConnection);
        var started = Stopwatch.GetTimestamp();

        var transcript = await TranscribeAsync(services, window);

        transcript.Segments.ShouldHaveSingleItem().Text.ShouldBe("Hello there.");
        server.Script.Requests.Select(r => r.Behaviour).ShouldBe([
            TranscriptionBehaviour.ServerError, TranscriptionBehaviour.Unavailable, TranscriptionBehaviour.TooManyRequests,
            TranscriptionBehaviour.DropConnection, TranscriptionBehaviour.Normal]);
        server.Script.Requests.ShouldAllBe(r => r.File!.Length == window.Bytes.Length);

        // The 503 and the 429 each said Retry-After: 1, far longer than the 50 ms base delay.
        Stopwatch.GetElapsedTime(started).ShouldBeGreaterThan(TimeSpan.FromSeconds(1.9));
    }

    [Fact]
    public async Task AServerThatKeepsFailingEndsInATransientErrorQuotingIt()
    {
        await using var window = await SpokenWindow.CreateAsync();
        await using var server = await ServerAsync();
        await using var services = Services(server, new() { ["Speech:OpenAi:MaxRetryAttempts"] = "2" });
        server.Script.DefaultBehaviour = TranscriptionBehaviour.ServerError;

        var error = await Should.ThrowAsync<SpeechRecognitionException>(() => TranscribeAsync(services, window));

        error.Code.ShouldBe(HttpSpeechErrorCodes.EngineError);
        error.IsTransient.ShouldBeTrue();
        error.Message.ShouldContain("HTTP 500");
        error.Message.ShouldContain("The server had an error while processing the audio.");
        error.Message.ShouldContain(server.Endpoint + "v1/audio/transcriptions");
        server.Script.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task ATooLargeUploadIsRefusedOnceWithTheServersMessage()
    {
        await using var window = await SpokenWindow.CreateAsync();
        await using var server = await ServerAsync();
        await using var services = Services(server);
        server.Script.MaxUploadBytes = 10_000;

        var error = await Should.ThrowAsync<SpeechRecognitionException>(() => TranscribeAsync(services, window));

        error.Code.ShouldBe(HttpSpeechErrorCodes.Rejected);
        error.IsTransient.ShouldBeFalse();
        error.Message.ShouldContain("HTTP 413");
        error.Message.ShouldContain("Maximum content size limit (10000) exceeded");
        server.Script.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task WhisperCppsErrorInsideA200IsARefusalQuotingIt()
    {
        // whisper.cpp's server reads only 16 kHz WAV; it says so in a 200 reply.
        await using var window = await SpokenWindow.CreateAsync("-ar 44100 -ac 2");
        await using var server = await ServerAsync(OpenAiTranscriptionFlavour.WhisperCpp);
        await using var services = Services(server, new() { ["Speech:OpenAi:InferencePath"] = "/inference" });

        var error = await Should.ThrowAsync<SpeechRecognitionException>(() => TranscribeAsync(services, window));

        error.Code.ShouldBe(HttpSpeechErrorCodes.Rejected);
        error.IsTransient.ShouldBeFalse();
        error.Message.ShouldContain("failed to read WAV file");
        server.Script.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task AWrongPathSaysWhereWhisperCppListens()
    {
        await using var window = await SpokenWindow.CreateAsync();
        await using var server = await ServerAsync(OpenAiTranscriptionFlavour.WhisperCpp);
        await using var services = Services(server);

        var error = await Should.ThrowAsync<SpeechRecognitionException>(() => TranscribeAsync(services, window));

        error.Code.ShouldBe(HttpSpeechErrorCodes.Rejected);
        error.Message.ShouldContain("HTTP 404");
        error.Message.ShouldContain("Speech:OpenAi:InferencePath");
    }

    [Fact]
    public async Task AWrongKeyIsRefusedNamingTheSettingAndTheKeyNeverReachesMessagesOrLogs()
    {
        const string wrongKey = "sk-wrong-9f8e7d6c5b4a39281706";
        await using var window = await SpokenWindow.CreateAsync();
        await using var server = await ServerAsync();
        server.ApiKey = "sk-right-0123456789abcdef";
        var logs = new TraceLogs();
        await using var services = Services(server, new() { ["Speech:OpenAi:ApiKey"] = wrongKey }, logs);

        var error = await Should.ThrowAsync<SpeechRecognitionException>(() => TranscribeAsync(services, window));

        error.Code.ShouldBe(HttpSpeechErrorCodes.Unauthorized);
        error.IsTransient.ShouldBeFalse();
        error.Message.ShouldContain("HTTP 401");
        error.Message.ShouldContain("Speech:OpenAi:ApiKey");
        error.Message.ShouldNotContain("9f8e", Case.Insensitive);
        error.Message.ShouldNotContain("1706");
        server.Script.Requests.ShouldHaveSingleItem().Authorization.ShouldBe("Bearer " + wrongKey);
        logs.Lines.ShouldContain(line => line.Contains("speech-openai"));
        logs.Lines.ShouldNotContain(line => line.Contains(wrongKey) || line.Contains("9f8e"));
    }

    [Fact]
    public async Task TheRightKeyIsSentAsABearerToken()
    {
        await using var window = await SpokenWindow.CreateAsync();
        await using var server = await ServerAsync();
        server.ApiKey = "sk-right-0123456789abcdef";
        await using var services = Services(server, new() { ["Speech:OpenAi:ApiKey"] = " sk-right-0123456789abcdef " });

        var transcript = await TranscribeAsync(services, window);

        transcript.Segments.ShouldHaveSingleItem();
        server.Script.Requests.ShouldHaveSingleItem().Authorization.ShouldBe("Bearer sk-right-0123456789abcdef");
    }

    [Fact]
    public async Task AServerThatNeverAnswersTimesOutAsATransientError()
    {
        await using var window = await SpokenWindow.CreateAsync();
        await using var server = await ServerAsync();
        await using var services = Services(server, new()
        {
            ["Speech:OpenAi:AttemptTimeout"] = "00:00:00.300",
            ["Speech:OpenAi:TotalTimeout"] = "00:00:01",
            ["Speech:OpenAi:MaxRetryAttempts"] = "1",
        });
        server.Script.DefaultBehaviour = TranscriptionBehaviour.Hang;
        var started = Stopwatch.GetTimestamp();

        var error = await Should.ThrowAsync<SpeechRecognitionException>(() => TranscribeAsync(services, window));

        error.Code.ShouldBe(HttpSpeechErrorCodes.Timeout);
        error.IsTransient.ShouldBeTrue();
        server.Script.Requests.Count.ShouldBe(2);
        Stopwatch.GetElapsedTime(started).ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ACancelledJobStopsWaitingWithoutAnEngineError()
    {
        await using var window = await SpokenWindow.CreateAsync();
        await using var server = await ServerAsync();
        await using var services = Services(server);
        server.Script.DefaultBehaviour = TranscriptionBehaviour.Hang;
        using var cancelled = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        cancelled.CancelAfter(TimeSpan.FromSeconds(1));
        var started = Stopwatch.GetTimestamp();

        await Should.ThrowAsync<OperationCanceledException>(() =>
            HttpSpeechTestServices.Engine(services, SpeechEngineNames.OpenAi).TranscribeAsync(new TranscriptionRequest(window.Path, "en"), cancelled.Token));

        // The attempt timeout is 20 s here: the job's own cancellation ended the wait, not the pipeline.
        Stopwatch.GetElapsedTime(started).ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task MalformedJsonIsABadReplyNamingTheEndpoint()
    {
        await using var window = await SpokenWindow.CreateAsync();
        await using var server = await ServerAsync();
        await using var services = Services(server);
        server.Script.Enqueue(TranscriptionBehaviour.MalformedJson);

        var error = await Should.ThrowAsync<SpeechRecognitionException>(() => TranscribeAsync(services, window));

        error.Code.ShouldBe(HttpSpeechErrorCodes.BadReply);
        error.IsTransient.ShouldBeFalse();
        error.Message.ShouldContain(server.Endpoint + "v1/audio/transcriptions");
        server.Script.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task AServerThatIsNotThereIsUnreachableAndTransient()
    {
        await using var window = await SpokenWindow.CreateAsync();
        Uri gone;
        await using (var server = await ServerAsync())
        {
            gone = server.Endpoint;
        }

        await using var services = HttpSpeechTestServices.Build(new Dictionary<string, string?>
        {
            ["Speech:OpenAi:Endpoint"] = gone.ToString(),
            ["Speech:OpenAi:MaxRetryAttempts"] = "1",
        });

        var error = await Should.ThrowAsync<SpeechRecognitionException>(() => TranscribeAsync(services, window));

        error.Code.ShouldBe(HttpSpeechErrorCodes.Unreachable);
        error.IsTransient.ShouldBeTrue();
        error.Message.ShouldContain(gone.Authority);
    }

    [Fact]
    public async Task AFileThatIsNotAWavIsRefusedBeforeAnythingIsSent()
    {
        await using var server = await ServerAsync();
        await using var services = Services(server);
        var path = Path.Combine(Path.GetTempPath(), $"fluxcaption-not-a-wav-{Guid.NewGuid():N}.wav");
        await File.WriteAllTextAsync(path, "subtitles, not audio", Cancellation);
        try
        {
            var error = await Should.ThrowAsync<SpeechRecognitionException>(() =>
                HttpSpeechTestServices.Engine(services, SpeechEngineNames.OpenAi).TranscribeAsync(new TranscriptionRequest(path, null), Cancellation));

            error.Code.ShouldBe(HttpSpeechErrorCodes.BadAudio);
            error.Message.ShouldContain(path);
            server.Script.Requests.ShouldBeEmpty();
        }
        finally
        {
            File.Delete(path);
        }
    }
}
