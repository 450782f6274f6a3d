using FluxCaption.Core.Speech.Audio;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FluxCaption.Tests.Speech.Audio;

public sealed class SpeechAudioRegistrationTests
{
    [Fact]
    public void TheExtractorAndDetectorAreRegisteredWithTheirOptions()
    {
        using var host = Build(new()
        {
            ["Speech:Audio:MaxWindow"] = "00:00:20",
            ["Speech:Audio:SilenceNoiseDecibels"] = "-40",
            ["Speech:Audio:ExtractTimeout"] = "01:00:00",
        });

        host.Services.GetRequiredService<IAudioExtractor>().ShouldBeOfType<AudioExtractor>();
        host.Services.GetRequiredService<ISilenceDetector>().ShouldBeOfType<SilenceDetector>();
        var options = host.Services.GetRequiredService<IOptions<SpeechAudioOptions>>().Value;
        options.SilenceNoiseDecibels.ShouldBe(-40);
        options.ExtractTimeout.ShouldBe(TimeSpan.FromHours(1));
        options.ToWindowOptions().MaxWindow.ShouldBe(TimeSpan.FromSeconds(20));
        options.ToWindowOptions().CutSearch.ShouldBe(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void AWindowOfAnHourIsRejectedNamingTheKey()
    {
        using var host = Build(new() { ["Speech:Audio:MaxWindow"] = "01:00:00" });

        var error = Should.Throw<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<SpeechAudioOptions>>().Value);
        error.Message.ShouldContain("MaxWindow");
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddSpeechAudio();
        builder.AddSpeechAudio();
        return builder.Build();
    }
}
