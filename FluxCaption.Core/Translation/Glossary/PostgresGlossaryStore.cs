using FluxCaption.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Core.Translation.Glossary;

/// <summary>Reads glossary_terms for a pair, once per translated document.</summary>
internal sealed class PostgresGlossaryStore(IServiceScopeFactory scopes) : IGlossaryStore
{
    public async Task<IReadOnlyList<GlossaryTerm>> GetTermsAsync(string sourceLanguage, string targetLanguage, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FluxCaptionDbContext>();
        return await db.Set<GlossaryTermEntity>().AsNoTracking()
            .Where(term => term.SourceLang == sourceLanguage && term.TargetLang == targetLanguage)
            .OrderBy(term => term.Id)
            .Select(term => new GlossaryTerm(term.SourceTerm, term.TargetTerm, term.CaseSensitive))
            .ToListAsync(cancellationToken);
    }
}
