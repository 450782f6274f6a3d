namespace FluxCaption.Core.Translation.Glossary;

/// <summary>A row of glossary_terms: a global term for one language pair (canonical BCP-47 tags).</summary>
public sealed class GlossaryTermEntity
{
    public long Id { get; set; }

    public string SourceLang { get; set; } = "";

    public string TargetLang { get; set; } = "";

    public string SourceTerm { get; set; } = "";

    public string TargetTerm { get; set; } = "";

    public bool CaseSensitive { get; set; }
}
