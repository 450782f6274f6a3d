namespace FluxCaption.Core.Translation.Glossary;

/// <summary>The installation-wide glossary: terms that apply to every job of a language pair.</summary>
public interface IGlossaryStore
{
    /// <param name="sourceLanguage">Canonical BCP-47 tag.</param>
    /// <param name="targetLanguage">Canonical BCP-47 tag.</param>
    Task<IReadOnlyList<GlossaryTerm>> GetTermsAsync(string sourceLanguage, string targetLanguage, CancellationToken cancellationToken);
}
