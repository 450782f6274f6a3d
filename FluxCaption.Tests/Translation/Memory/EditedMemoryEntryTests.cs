using FluxCaption.Core.Data;
using FluxCaption.Core.Translation.Memory;
using FluxCaption.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Translation.Memory;

/// <summary>A person's correction (edited_at set through the Memory Api) as the jobs' memory sees it.</summary>
public sealed class EditedMemoryEntryTests(PostgresServer postgres)
{
    private static readonly TranslationMemoryScope Scope = new("en", "es", "ollama", "qwen2.5:7b-instruct");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACorrectedLineIsFoundByItsScopeAndAnEngineStoringTheLineAgainDoesNotReplaceIt()
    {
        await using var services = await PostgresMemoryServices.BuildAsync(postgres);
        var memory = services.GetRequiredService<ITranslationMemory>();
        var source = TranslationMemoryKey.Normalize("Good morning");
        var hash = TranslationMemoryKey.Hash(source);
        await memory.StoreAsync(Scope, [new TranslationMemoryItem(hash, source, "Buen día")], Token);
        await services.WithDbAsync(db => db.Set<TranslationMemoryEntry>()
            .ExecuteUpdateAsync(e => e.SetProperty(x => x.TargetText, "Buenos días").SetProperty(x => x.EditedAt, DateTimeOffset.UtcNow), Token));

        await memory.StoreAsync(Scope, [new TranslationMemoryItem(hash, source, "Buen día")], Token);

        (await memory.LookupAsync(Scope, [hash], Token))[hash].TargetText.ShouldBe("Buenos días");
        (await services.EntriesAsync()).ShouldHaveSingleItem().TargetText.ShouldBe("Buenos días");
    }
}
