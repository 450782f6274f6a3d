using FluxCaption.Core.Translation.Glossary;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.Translation.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Translation.Glossary;

public sealed class PostgresGlossaryStoreTests(PostgresServer postgres)
{
    [Fact]
    public async Task TheGlobalGlossaryReturnsTheTermsOfThePairOnly()
    {
        await using var services = await PostgresMemoryServices.BuildAsync(postgres);
        await services.WithDbAsync(async db =>
        {
            db.Set<GlossaryTermEntity>().AddRange(
                new GlossaryTermEntity { SourceLang = "en", TargetLang = "es", SourceTerm = "Shire", TargetTerm = "Comarca" },
                new GlossaryTermEntity { SourceLang = "en", TargetLang = "es", SourceTerm = "Ring", TargetTerm = "Anillo", CaseSensitive = true },
                new GlossaryTermEntity { SourceLang = "en", TargetLang = "fr", SourceTerm = "Shire", TargetTerm = "Comté" });
            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        var terms = await services.GetRequiredService<IGlossaryStore>().GetTermsAsync("en", "es", TestContext.Current.CancellationToken);

        terms.ShouldBe([new GlossaryTerm("Shire", "Comarca"), new GlossaryTerm("Ring", "Anillo", CaseSensitive: true)]);
    }
}
