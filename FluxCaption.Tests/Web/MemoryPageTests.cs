using Bunit;
using Bunit.Rendering;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Web.Components.Pages.Memory;
using FluxCaption.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using static FluxCaption.Tests.Api.MemoryTestEntries;
using TestContext = Xunit.TestContext;

namespace FluxCaption.Tests.Web;

/// <summary>The translation-memory page as a user works it, on the real Api and database.</summary>
public sealed class MemoryPageTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ItemsWebPageHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ItemsWebPageHost.StartAsync(postgres, redis);
        await AddAsync(
            _host.Api.DatabaseConnectionString,
            Entry("Where is the ring?", "¿Dónde está el anillo?"),
            Entry("Good morning.", "Buenos dias."),
            Entry("Good morning.", "Buenos días.", engine: "apertium", model: ""),
            Entry("Good night.", "Bonne nuit.", targetLanguage: "fr"));
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ChoosingAGroupShowsItsEntriesAndTheExportFollowsTheFilter()
    {
        var page = _host.Open<MemoryPage>("http://localhost/memory");
        page.WaitForAssertion(() => page.FindAll("[data-testid=memory-group]").Count.ShouldBe(3), ItemsWebPageHost.Patience);
        page.FindAll("[data-testid=memory-group-entries]").Select(e => e.TextContent).ShouldBe(["1", "2", "1"]);

        await page.FindAll("[data-testid=memory-group-show]")[0].ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => page.FindAll("[data-testid=memory-target]").Select(e => e.TextContent).ShouldBe(["Buenos días."]), ItemsWebPageHost.Patience);
        page.Find("[data-testid=memory-export]").GetAttribute("href").ShouldBe("/download/memory.tmx?sourceLanguage=en&targetLanguage=es&engine=apertium&model=");
    }

    [Fact]
    public async Task AnInlineEditIsStoredAndTheEntryIsMarkedEdited()
    {
        var page = _host.Open<MemoryPage>("http://localhost/memory");
        await SearchAsync(page, "dias");
        page.WaitForAssertion(() => page.FindAll("[data-testid=memory-target]").Count.ShouldBe(1), ItemsWebPageHost.Patience);

        await Click(page, "memory-edit");
        await ItemsWebPageHost.Input(page, "memory-edit-target").InputAsync(new ChangeEventArgs { Value = "Buenos dias, amigo." });
        await Click(page, "memory-save");

        page.WaitForAssertion(() => page.Find("[data-testid=notice]").TextContent.ShouldContain("Translation saved."), ItemsWebPageHost.Patience);
        page.Find("[data-testid=memory-edited]").TextContent.ShouldBe("edited");
        var stored = (await _host.Client.ListMemoryAsync(new MemoryFilterView(Engine: "ollama", Search: "morning"), 1, 10, Ct)).Items.Single();
        (stored.Target, stored.EditedAt is not null).ShouldBe(("Buenos dias, amigo.", true));
    }

    [Fact]
    public async Task AnEmptyEditShowsTheApisReasonAndChangesNothing()
    {
        var page = _host.Open<MemoryPage>("http://localhost/memory");
        await SearchAsync(page, "ring");
        page.WaitForAssertion(() => page.FindAll("[data-testid=memory-target]").Count.ShouldBe(1), ItemsWebPageHost.Patience);

        await Click(page, "memory-edit");
        await ItemsWebPageHost.Input(page, "memory-edit-target").InputAsync(new ChangeEventArgs { Value = "  " });
        await Click(page, "memory-save");

        page.WaitForAssertion(() => page.Find("[data-testid=problem]").TextContent.ShouldContain("target: The translation must not be empty"), ItemsWebPageHost.Patience);
        (await _host.Client.ListMemoryAsync(new MemoryFilterView(Search: "ring"), 1, 10, Ct)).Items.Single().Target.ShouldBe("¿Dónde está el anillo?");
    }

    [Fact]
    public async Task DeleteAllShownAsksFirstAndDeletesOnlyWhatTheSearchMatches()
    {
        var page = _host.Open<MemoryPage>("http://localhost/memory");
        await SearchAsync(page, "good");
        page.WaitForAssertion(() => page.Find("[data-testid=memory-total]").TextContent.ShouldBe("3 entries"), ItemsWebPageHost.Patience);

        await Click(page, "memory-delete-shown");
        page.WaitForAssertion(() => page.Find("[data-testid=confirm-delete-all]"), ItemsWebPageHost.Patience);
        (await _host.Client.ListMemoryAsync(new MemoryFilterView(), 1, 10, Ct)).Total.ShouldBe(4);
        await Click(page, "confirm-delete-all");

        page.WaitForAssertion(() => page.Find("[data-testid=notice]").TextContent.ShouldBe("Entries deleted: 3"), ItemsWebPageHost.Patience);
        (await _host.Client.ListMemoryAsync(new MemoryFilterView(), 1, 10, Ct)).Items.ShouldHaveSingleItem().Source.ShouldBe("Where is the ring?");
    }

    [Fact]
    public async Task ImportingATmxFileSaysWhatItDidAndWhyUnitsWereSkipped()
    {
        const string tmx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header srclang="en" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext" creationtool="x" creationtoolversion="1"/>
            <body>
            <tu><tuv xml:lang="en"><seg>Thank you.</seg></tuv><tuv xml:lang="es"><seg>Gracias.</seg></tuv></tu>
            <tu><tuv xml:lang="en"><seg>Hello.</seg></tuv><tuv xml:lang="klingon"><seg>nuqneH.</seg></tuv></tu>
            </body></tmx>
            """;
        var page = _host.Open<MemoryPage>("http://localhost/memory");
        page.WaitForAssertion(() => page.FindAll("[data-testid=memory-group]").Count.ShouldBe(3), ItemsWebPageHost.Patience);

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(tmx, "memory.tmx", contentType: "application/x-tmx+xml"));

        page.WaitForAssertion(() => page.Find("[data-testid=notice]").TextContent.ShouldBe("Import done. New: 1. Changed: 0. Unchanged: 0. Skipped: 1."), ItemsWebPageHost.Patience);
        page.Find("[data-testid=problem]").TextContent.ShouldContain("klingon");
        (await _host.Client.ListMemoryAsync(new MemoryFilterView(Engine: "tmx"), 1, 10, Ct)).Items.ShouldHaveSingleItem().Target.ShouldBe("Gracias.");
    }

    private static async Task SearchAsync(IRenderedComponent<ContainerFragment> page, string text)
    {
        page.WaitForAssertion(() => page.Find("[data-testid=memory-search]"), ItemsWebPageHost.Patience);
        await ItemsWebPageHost.Input(page, "memory-search").ChangeAsync(new ChangeEventArgs { Value = text });
        await Click(page, "memory-apply");
    }

    private static Task Click(IRenderedComponent<ContainerFragment> page, string testId) =>
        page.Find($"[data-testid={testId}]").ClickAsync(new MouseEventArgs());
}
