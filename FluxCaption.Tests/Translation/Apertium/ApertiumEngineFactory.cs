using FluxCaption.Core.Translation;
using FluxCaption.Core.Translation.Apertium;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FluxCaption.Tests.Translation.Apertium;

/// <summary>Engines over the apertium installed on this machine, and batches to give them.</summary>
internal static class ApertiumEngineFactory
{
    public static ApertiumTranslationEngine Create(string executablePath = "apertium", TimeSpan? timeout = null) =>
        new(
            Options.Create(new ApertiumOptions { ExecutablePath = executablePath, Timeout = timeout ?? TimeSpan.FromSeconds(60) }),
            NullLogger<ApertiumTranslationEngine>.Instance);

    public static TranslationBatch Batch(string source, string target, params string[] texts) =>
        new(source, target, null, texts.Select((text, index) => new TranslationSegment($"cue-{index}", text)).ToList(), [], []);
}
