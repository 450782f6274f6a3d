namespace FluxCaption.Core.Languages;

/// <summary>
/// How a language is written, as far as subtitle layout cares: CJK lines hold about 18 characters
/// and break between any two characters; right-to-left text needs direction marks around Latin
/// runs and punctuation; the alphabetic scripts wrap at spaces with about 42 characters a line.
/// <see cref="Other"/> covers the remaining scripts (Indic, Thai, Ethiopic, Georgian...).
/// </summary>
public enum LanguageScript
{
    Latin,
    Cyrillic,
    Greek,
    Cjk,
    RightToLeft,
    Other,
}
