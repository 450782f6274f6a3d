using FluxCaption.Core.Media;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace FluxCaption.Core.Speech.Audio;

public static class SpeechAudioExtensions
{
    /// <summary>
    /// Registers audio preparation for speech recognition: <see cref="IAudioExtractor"/> and
    /// <see cref="ISilenceDetector"/> (singletons, like the other ffmpeg services), options "Speech:Audio",
    /// and the "Media" options they share with the probe (where ffmpeg lives, the temp folder).
    /// </summary>
    public static IHostApplicationBuilder AddSpeechAudio(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<MediaOptions>()
            .BindConfiguration(MediaOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<SpeechAudioOptions>()
            .BindConfiguration(SpeechAudioOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton<IAudioExtractor, AudioExtractor>();
        builder.Services.TryAddSingleton<ISilenceDetector, SilenceDetector>();
        return builder;
    }
}
