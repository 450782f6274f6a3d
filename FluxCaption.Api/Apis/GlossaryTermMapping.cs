using FluxCaption.Contracts;
using FluxCaption.Core.Translation.Glossary;

namespace FluxCaption.Api.Apis;

/// <summary>Maps a stored term to its wire shape (<see cref="GlossaryTermResponse"/>, shared with the Web app through FluxCaption.Contracts).</summary>
public static class GlossaryTermMapping
{
    public static GlossaryTermResponse ToGlossaryTermResponse(this GlossaryTermEntity term) =>
        new(term.Id, term.SourceLang, term.TargetLang, term.SourceTerm, term.TargetTerm, term.CaseSensitive);
}
