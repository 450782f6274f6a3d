using FluxCaption.Core.Speech;
using FluxCaption.Core.Speech.Http;
using FluxCaption.Core.Speech.OpenAi;
using FluxCaption.Core.Speech.WhisperAsr;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FluxCaption.Tests.Speech.Http;

public sealed class HttpSpeechRegistrationTests
{
    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddHttpSpeechEngines();
        return builder.Build();
    }

    [Fact]
    public void OnlyEnginesWithAnEndpointAreRegistered()
    {
        using var none = Build([]);
        none.Services.GetServices<ISpeechRecognitionEngine>().ShouldBeEmpty();

        using var asr = Build(new() { ["Speech:WhisperAsr:Endpoint"] = "http://asr:9000" });
        asr.Services.GetServices<ISpeechRecognitionEngine>().Select(e => e.Name).ShouldBe([SpeechEngineNames.WhisperAsr]);

        using var both = Build(new() { ["Speech:WhisperAsr:Endpoint"] = "http://asr:9000", ["Speech:OpenAi:Endpoint"] = "http://speaches:8000" });
        both.Services.GetServices<ISpeechRecognitionEngine>().Select(e => e.Name).ShouldBe([SpeechEngineNames.OpenAi, SpeechEngineNames.WhisperAsr], ignoreOrder: true);
    }

    [Theory]
    [InlineData("Speech:OpenAi:TotalTimeout", "00:00:30", "TotalTimeout must be longer than AttemptTimeout")]
    [InlineData("Speech:OpenAi:InferencePath", "inference", "InferencePath must be a path starting with '/'")]
    [InlineData("Speech:OpenAi:Endpoint", "ftp://speaches:8000", "Endpoint must be an absolute http(s) address")]
    [InlineData("Speech:OpenAi:Model", " ", "Model")]
    public async Task ABadSettingStopsTheHostNamingIt(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?> { ["Speech:OpenAi:Endpoint"] = "http://speaches:8000", ["Speech:OpenAi:AttemptTimeout"] = "00:01:00", [key] = value };
        using var host = Build(settings);

        // ValidateOnStart gathers the validation failures of the host into one AggregateException.
        var error = await Should.ThrowAsync<AggregateException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        error.InnerExceptions.OfType<OptionsValidationException>().ShouldContain(e => e.Message.Contains(expected));
    }

    [Theory]
    [InlineData("http://speaches:8000", "/v1/audio/transcriptions", "http://speaches:8000/v1/audio/transcriptions")]
    [InlineData("http://speaches:8000/v1", "/v1/audio/transcriptions", "http://speaches:8000/v1/audio/transcriptions")]
    [InlineData("http://proxy/whisper/", "/inference", "http://proxy/whisper/inference")]
    public void TheTranscriptionAddressKeepsTheEndpointsPathWithoutDoublingV1(string endpoint, string path, string expected)
    {
        new OpenAiTranscriptionOptions { Endpoint = new Uri(endpoint), InferencePath = path }.TranscriptionUri.ShouldBe(new Uri(expected));
    }

    [Fact]
    public void WhisperAsrPathsHangOffTheEndpoint()
    {
        var options = new WhisperAsrOptions { Endpoint = new Uri("http://proxy/asr-service/") };

        options.AsrUri.ShouldBe(new Uri("http://proxy/asr-service/asr"));
        options.DetectLanguageUri.ShouldBe(new Uri("http://proxy/asr-service/detect-language"));
    }

    [Theory]
    [InlineData("en", "en")]
    [InlineData("pt-BR", "pt")]
    [InlineData("zh-Hans", "zh")]
    [InlineData("jv", "jw")]
    [InlineData("haw", "haw")]
    [InlineData("fil", "tl")]
    [InlineData("und", null)]
    [InlineData(null, null)]
    public void CanonicalTagsBecomeWhisperCodes(string? tag, string? code) => WhisperLanguages.ToRequestCode(tag).ShouldBe(code);

    [Fact]
    public void ALanguageWhisperHasNoCodeForIsRefusedByName()
    {
        var error = Should.Throw<SpeechRecognitionException>(() => WhisperLanguages.ToRequestCode("Klingon"));

        error.Code.ShouldBe(HttpSpeechErrorCodes.LanguageUnsupported);
        error.Message.ShouldContain("Klingon");
    }

    [Theory]
    [InlineData("english", "en")]
    [InlineData("German", "de")]
    [InlineData("jw", "jv")]
    [InlineData("javanese", "jv")]
    [InlineData("castilian", "es")]
    [InlineData("pt", "pt")]
    [InlineData("", null)]
    [InlineData("elvish", null)]
    public void ReplyLanguagesByNameOrCodeBecomeCanonicalTags(string reply, string? tag) => WhisperLanguages.ToCanonical(reply).ShouldBe(tag);
}
