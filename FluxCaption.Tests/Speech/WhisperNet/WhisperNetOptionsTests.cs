using FluxCaption.Core.Speech;
using FluxCaption.Core.Speech.WhisperNet;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FluxCaption.Tests.Speech.WhisperNet;

/// <summary>Settings that cannot work are refused at start with the key named; an empty download address means no download.</summary>
public sealed class WhisperNetOptionsTests
{
    [Fact]
    public async Task AnEmptyDownloadAddressMeansNoDownload()
    {
        using var host = new WhisperNetTestHost(withModel: false, settings: new Dictionary<string, string?> { ["DownloadBaseUrl"] = "" });

        var error = await Should.ThrowAsync<SpeechRecognitionException>(() => host.Store.GetModelPathAsync("tiny", TestContext.Current.CancellationToken));

        error.Message.ShouldContain("no download address is set");
    }

    [Theory]
    [InlineData("DownloadBaseUrl", "models.example/whisper", "DownloadBaseUrl")]
    [InlineData("DownloadBaseUrl", "ftp://mirror.example/whisper/", "DownloadBaseUrl")]
    [InlineData("ModelsFolder", "relative/models", "ModelsFolder")]
    [InlineData("DownloadTimeout", "00:00:30", "DownloadTimeout")]
    [InlineData("Model", "", "Model")]
    public void ASettingThatCannotWorkIsRefusedNamingIt(string key, string value, string named)
    {
        using var host = new WhisperNetTestHost(withModel: false, settings: new Dictionary<string, string?> { [key] = value });

        var error = Should.Throw<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<WhisperNetOptions>>().Value);

        error.Message.ShouldContain(named);
    }
}
