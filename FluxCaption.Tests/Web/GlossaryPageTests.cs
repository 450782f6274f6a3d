using AngleSharp.Dom;
using Bunit;
using Bunit.Rendering;
using FluxCaption.Contracts;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Web.Components.Pages.Glossary;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using TestContext = Xunit.TestContext;

namespace FluxCaption.Tests.Web;

/// <summary>The glossary page as a user works it, on the real Api and database.</summary>
public sealed class GlossaryPageTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ItemsWebPageHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await ItemsWebPageHost.StartAsync(postgres, redis);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AnUnknownLanguageIsShownUnderItsFieldAndTheCorrectedTermIsListed()
    {
        var page = _host.Open<GlossaryPage>("http://localhost/glossary");
        page.WaitForAssertion(() => page.Find("[data-testid=empty]"), ItemsWebPageHost.Patience);

        await Type(page, "term-source-language", "en");
        await Type(page, "term-target-language", "elvish");
        await Type(page, "term-source", "Shire");
        await Type(page, "term-target", "Comarca");
        await Click(page, "term-save");

        page.WaitForAssertion(() => FieldOf(page, "term-target-language").TextContent.ShouldContain("'elvish' is not a language code"), ItemsWebPageHost.Patience);
        (await _host.Client.ListGlossaryAsync(null, null, null, 1, 10, Ct)).Total.ShouldBe(0);

        await Type(page, "term-target-language", "es");
        await Click(page, "term-save");

        page.WaitForAssertion(() => page.Find("[data-testid=term-row-source]").TextContent.ShouldBe("Shire"), ItemsWebPageHost.Patience);
        page.Find("[data-testid=term-row-target]").TextContent.ShouldBe("Comarca");
    }

    [Fact]
    public async Task EditingATermStoresTheNewTranslationAndDeletingRemovesIt()
    {
        await _host.Client.CreateGlossaryTermAsync(new GlossaryTermRequest("en", "es", "Ring", "Anilo"), Ct);
        var page = _host.Open<GlossaryPage>("http://localhost/glossary");
        page.WaitForAssertion(() => page.Find("[data-testid=term-row-target]").TextContent.ShouldBe("Anilo"), ItemsWebPageHost.Patience);

        await Click(page, "term-edit");
        await Type(page, "term-target", "Anillo");
        await Click(page, "term-save");

        page.WaitForAssertion(() => page.Find("[data-testid=term-row-target]").TextContent.ShouldBe("Anillo"), ItemsWebPageHost.Patience);
        (await _host.Client.ListGlossaryAsync("en", "es", null, 1, 10, Ct)).Items.ShouldHaveSingleItem().Target.ShouldBe("Anillo");

        await Click(page, "term-delete");
        page.WaitForAssertion(() => page.Find("[data-testid=empty]"), ItemsWebPageHost.Patience);
        (await _host.Client.ListGlossaryAsync(null, null, null, 1, 10, Ct)).Total.ShouldBe(0);
    }

    [Fact]
    public async Task ACsvImportTakesThePairShownForRowsWithoutLanguages()
    {
        var page = _host.Open<GlossaryPage>("http://localhost/glossary");
        page.WaitForAssertion(() => page.Find("[data-testid=empty]"), ItemsWebPageHost.Patience);
        await Type(page, "glossary-source-language", "en");
        await Type(page, "glossary-target-language", "fr");
        await Click(page, "glossary-apply");
        page.WaitForAssertion(() => page.Find("[data-testid=glossary-export]").GetAttribute("href").ShouldBe("/download/glossary.csv?sourceLanguage=en&targetLanguage=fr"), ItemsWebPageHost.Patience);

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("source,target\nShire,Comté\n\"Bag End, Hobbiton\",Cul-de-Sac\n", "terms.csv", contentType: "text/csv"));

        page.WaitForAssertion(() => page.Find("[data-testid=notice]").TextContent.ShouldBe("Import done. New: 2. Changed: 0. Unchanged: 0."), ItemsWebPageHost.Patience);
        page.FindAll("[data-testid=term-row-source]").Select(e => e.TextContent).ShouldBe(["Bag End, Hobbiton", "Shire"]);
        (await _host.Client.ListGlossaryAsync("en", "fr", null, 1, 10, Ct)).Total.ShouldBe(2);
    }

    private static IElement FieldOf(IRenderedComponent<ContainerFragment> page, string testId) =>
        page.Find($"[data-testid={testId}]").Closest(".mud-input-control") ?? page.Find($"[data-testid={testId}]");

    private static Task Type(IRenderedComponent<ContainerFragment> page, string testId, string value) =>
        ItemsWebPageHost.Input(page, testId).ChangeAsync(new ChangeEventArgs { Value = value });

    private static Task Click(IRenderedComponent<ContainerFragment> page, string testId) =>
        page.Find($"[data-testid={testId}]").ClickAsync(new MouseEventArgs());
}
