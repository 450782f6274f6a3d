using FluxCaption.Core.Translation;
using FluxCaption.Core.Translation.Glossary;
using FluxCaption.Core.Translation.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FluxCaption.Tests.Translation.Memory;

/// <summary>Translators wired with a memory and a glossary store, as the hosts wire them.</summary>
internal static class MemoryTranslators
{
    public static SubtitleTranslator With(
        ITranslationMemory? memory,
        IEnumerable<ITranslationEngine> engines,
        IGlossaryStore? glossary = null,
        TranslationOptions? options = null) =>
        new(engines, Options.Create(options ?? new TranslationOptions()), NullLogger<SubtitleTranslator>.Instance, memory, glossary);

    public static SubtitleTranslator With(ITranslationMemory? memory, params ITranslationEngine[] engines) =>
        With(memory, (IEnumerable<ITranslationEngine>)engines);
}
