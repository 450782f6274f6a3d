using FluxCaption.Core.Jobs;
using FluxCaption.Core.Ocr;
using FluxCaption.Core.Speech.Audio;
using FluxCaption.Core.Speech.Http;
using FluxCaption.Core.Speech.Transcription;
using FluxCaption.Core.Speech.WhisperNet;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace FluxCaption.Core.Speech;

public static class SourceMakingExtensions
{
    /// <summary>
    /// Registers the <c>asr</c> stage: making a source subtitle by speech recognition (the engines, the
    /// audio preparation, <see cref="SpeechOptions"/> from "Speech") or by OCR of bitmap subtitle tracks
    /// ("Ocr"). Needs AddLibraries (the media sources) and AddFluxCaptionJobs.
    /// </summary>
    public static IHostApplicationBuilder AddSourceMaking(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SpeechOptions>()
            .BindConfiguration(SpeechOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(options => SpeechEngineNames.All.Contains(options.Engine, StringComparer.OrdinalIgnoreCase),
                $"Speech:Engine must be one of: {string.Join(", ", SpeechEngineNames.All)}.")
            .ValidateOnStart();
        builder.AddSpeechAudio();
        builder.Services.AddWhisperNetSpeech();
        builder.AddHttpSpeechEngines();
        builder.AddBitmapSubtitleOcr();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddScoped<SpeechEngineResolver>();
        builder.Services.TryAddScoped<SpeechTranscriber>();
        builder.Services.TryAddScoped<SourceTranscriptStore>();
        builder.Services.TryAddScoped<SourceStageHandler>();
        return builder;
    }
}
