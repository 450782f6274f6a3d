using FluxCaption.Core.Translation.Memory;
using FluxCaption.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Translation.Memory;

public sealed class PostgresTranslationMemoryTests(PostgresServer postgres)
{
    private static readonly TranslationMemoryScope Scope = new("en", "es", "ollama", "qwen2.5:7b-instruct");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static TranslationMemoryItem Item(string source, string target) =>
        new(TranslationMemoryKey.Hash(TranslationMemoryKey.Normalize(source)), TranslationMemoryKey.Normalize(source), target);

    [Fact]
    public async Task StoredLinesAreFoundInOneLookupAndEachHitIsCounted()
    {
        await using var services = await PostgresMemoryServices.BuildAsync(postgres);
        var memory = services.GetRequiredService<ITranslationMemory>();
        var morning = Item("Good morning", "Buenos días");
        var night = Item("Good night", "Buenas noches");
        await memory.StoreAsync(Scope, [morning, night], Token);

        var found = await memory.LookupAsync(Scope, [morning.SourceHash, night.SourceHash, Item("Unknown", "").SourceHash], Token);
        await memory.LookupAsync(Scope, [morning.SourceHash], Token);

        found.ShouldBe(new Dictionary<string, RememberedLine> { [morning.SourceHash] = new("Buenos días"), [night.SourceHash] = new("Buenas noches") }, ignoreOrder: true);
        var entries = await services.EntriesAsync();
        entries.Select(e => (e.SourceText, e.TargetText, e.HitCount, e.Engine, e.Model))
            .ShouldBe([("Good morning", "Buenos días", 2L, "ollama", "qwen2.5:7b-instruct"), ("Good night", "Buenas noches", 1L, "ollama", "qwen2.5:7b-instruct")]);
    }

    [Fact]
    public async Task OtherPairsEnginesAndModelsSeeNothing()
    {
        await using var services = await PostgresMemoryServices.BuildAsync(postgres);
        var memory = services.GetRequiredService<ITranslationMemory>();
        var line = Item("Good morning", "Buenos días");
        await memory.StoreAsync(Scope, [line], Token);

        foreach (var other in new[] { Scope with { TargetLanguage = "fr" }, Scope with { Engine = "apertium" }, Scope with { Model = "" } })
        {
            (await memory.LookupAsync(other, [line.SourceHash], Token)).ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task StoringALineAgainReplacesItsTranslationAndKeepsOneRow()
    {
        await using var services = await PostgresMemoryServices.BuildAsync(postgres);
        var memory = services.GetRequiredService<ITranslationMemory>();
        await memory.StoreAsync(Scope, [Item("Good morning", "Buen día")], Token);

        await memory.StoreAsync(Scope, [Item("Good morning", "Buenos días"), Item("Good morning", "Buenos días")], Token);

        (await services.EntriesAsync()).ShouldHaveSingleItem().TargetText.ShouldBe("Buenos días");
    }

    [Fact]
    public async Task ConcurrentFillsAndLookupsOfTheSameLinesAllSucceed()
    {
        await using var services = await PostgresMemoryServices.BuildAsync(postgres);
        var memory = services.GetRequiredService<ITranslationMemory>();
        var items = Enumerable.Range(0, 40).Select(i => Item($"Line number {i}", $"Línea número {i}")).ToList();

        // Eight jobs store overlapping halves in opposite orders and read while the others write.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async job =>
        {
            var mine = job % 2 == 0 ? items.Take(30).ToList() : items.Skip(10).Reverse().ToList();
            await memory.StoreAsync(Scope, mine, Token);
            await memory.LookupAsync(Scope, [.. mine.Select(i => i.SourceHash)], Token);
        }));

        var entries = await services.EntriesAsync();
        entries.Count.ShouldBe(40);
        entries.Sum(e => e.HitCount).ShouldBe((4 * 30) + (4 * 30));
    }

    [Fact]
    public async Task WhenTheMemoryIsDisabledNothingIsStoredOrFound()
    {
        await using var services = await PostgresMemoryServices.BuildAsync(postgres, new Dictionary<string, string?> { ["Translation:Memory:Enabled"] = "false" });
        var memory = services.GetRequiredService<ITranslationMemory>();
        var line = Item("Good morning", "Buenos días");

        await memory.StoreAsync(Scope, [line], Token);

        (await memory.LookupAsync(Scope, [line.SourceHash], Token)).ShouldBeEmpty();
        (await services.EntriesAsync()).ShouldBeEmpty();
    }
}
