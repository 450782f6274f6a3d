using FluxCaption.Core.Translation.Glossary;

namespace FluxCaption.Tests.Translation.Glossary;

/// <summary>A global glossary held in memory: terms per (source, target) pair.</summary>
internal sealed class FixedGlossaryStore(params (string Source, string Target, GlossaryTerm Term)[] rows) : IGlossaryStore
{
    public Task<IReadOnlyList<GlossaryTerm>> GetTermsAsync(string sourceLanguage, string targetLanguage, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<GlossaryTerm>>(
            [.. rows.Where(r => r.Source == sourceLanguage && r.Target == targetLanguage).Select(r => r.Term)]);
}
