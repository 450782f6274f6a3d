using AngleSharp.Dom;
using Bunit;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.TestServers;
using FluxCaption.Web.Components.Layout;
using FluxCaption.Web.Components.Pages.Glossary;
using FluxCaption.Web.Components.Pages.Memory;
using FluxCaption.Web.Components.Pages.Models;
using FluxCaption.Web.Components.Pages.Settings;
using FluxCaption.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using static FluxCaption.Tests.Api.MemoryTestEntries;
using TestContext = Xunit.TestContext;

namespace FluxCaption.Tests.Web.Localization;

/// <summary>The app shell and the settings, memory, glossary and models pages for a reader who chose Simplified Chinese.</summary>
public sealed class ChinesePagesTests(PostgresServer postgres, RedisServer redis)
{
    private static readonly TimeSpan Patience = ItemsWebPageHost.Patience;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheAppBarAndNavigationAreChineseAndOfferBothLanguages()
    {
        using var chinese = new ChineseCulture();
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddWebLocalization();
        context.Services.AddSingleton(Options.Create(new LinksOptions { ApiUrl = "http://localhost:5180/" }));

        var layout = context.Render<MainLayout>(parameters => parameters.Add(l => l.Body, (RenderFragment)(_ => { })));

        layout.Find(".mud-navmenu").TextContent.ShouldContain("媒体库");
        layout.Find(".mud-navmenu").TextContent.ShouldContain("翻译记忆");
        layout.Find("[data-testid=link-api-reference]").TextContent.ShouldContain("API 参考");
        layout.Markup.ShouldContain("以你观看的每种语言提供字幕");
        layout.Find("[data-testid=language-menu]").TextContent.ShouldContain("简体中文");
    }

    [Fact]
    public async Task TheSettingsPageExplainsABadAddressAndTheApisRefusalInChineseNextToTheField()
    {
        using var chinese = new ChineseCulture();
        await using var harness = await SettingsAndLibrariesHarness.StartAsync(postgres, redis);
        var page = harness.Render<SettingsPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=jellyfin-settings]").TextContent.ShouldContain("尚未保存密钥。"), Patience);
        page.Find("[data-testid=jellyfin-settings] h6").TextContent.ShouldBe("Jellyfin 连接");

        await page.ChangeToAsync("[data-testid=jellyfin-url]", "jellyfin.test:8096");
        await page.ClickOnAsync("[data-testid=jellyfin-save]");
        page.WaitForAssertion(() => FieldOf(page, "jellyfin-url").TextContent.ShouldContain("“jellyfin.test:8096”不是完整的 http 或 https 地址。"), Patience);

        // A good address but no key ever saved: the Api refuses, in English, and the page shows it in Chinese under the key.
        await page.ChangeToAsync("[data-testid=jellyfin-url]", "http://jellyfin.test:8096");
        await page.ClickOnAsync("[data-testid=jellyfin-save]");
        page.WaitForAssertion(() => FieldOf(page, "jellyfin-key").TextContent.ShouldContain("必须填写 API 密钥：尚未保存密钥。"), Patience);

        await page.ChangeToAsync("[data-testid=equivalence-covering]", "klingon");
        await page.ChangeToAsync("[data-testid=equivalence-covered]", "en");
        await page.ClickOnAsync("[data-testid=equivalence-add]");
        await page.ClickOnAsync("[data-testid=coverage-save]");
        page.WaitForAssertion(() => page.Find("[data-testid=coverage-settings] [data-testid=problem]").TextContent
            .ShouldContain("“klingon=en”不是由两种已知语言组成的“覆盖=被覆盖”形式"), Patience);
    }

    [Fact]
    public async Task TheMemoryPageLabelsAndCountsInChinese()
    {
        using var chinese = new ChineseCulture();
        await using var host = await ItemsWebPageHost.StartAsync(postgres, redis);
        await AddAsync(host.Api.DatabaseConnectionString, Entry("Good morning.", "Buenos días."), Entry("Good night.", "Buenas noches."));

        var page = host.Open<MemoryPage>("http://localhost/memory");

        page.WaitForAssertion(() => page.Find("[data-testid=memory-total]").TextContent.ShouldBe("2 个条目"), Patience);
        page.Find("h4").TextContent.ShouldBe("翻译记忆");
        page.Find("[data-testid=memory-table]").TextContent.ShouldContain("原文");
        page.Find("[data-testid=memory-counts]").TextContent.ShouldContain("语言对");
    }

    [Fact]
    public async Task TheGlossaryShowsTheApisLanguageErrorInChineseUnderItsField()
    {
        using var chinese = new ChineseCulture();
        await using var host = await ItemsWebPageHost.StartAsync(postgres, redis);
        var page = host.Open<GlossaryPage>("http://localhost/glossary");
        page.WaitForAssertion(() => page.Find("[data-testid=empty]").TextContent.ShouldBe("没有匹配的术语。"), Patience);

        await Type(page, "term-source-language", "en");
        await Type(page, "term-target-language", "elvish");
        await Type(page, "term-source", "Shire");
        await Type(page, "term-target", "Comarca");
        await page.Find("[data-testid=term-save]").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => FieldOf(page, "term-target-language").TextContent.ShouldContain("“elvish”不是 FluxCaption 认识的语言代码。"), Patience);
    }

    [Fact]
    public async Task TheModelsPageWritesDatesAndSizesTheChineseWay()
    {
        using var chinese = new ChineseCulture();
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Ct);
        await using var host = await ItemsWebPageHost.StartAsync(postgres, redis, new Dictionary<string, string?> { ["ConnectionStrings:llm"] = ollama.ConnectionString });

        var page = host.Open<ModelsPage>("http://localhost/models");

        page.WaitForAssertion(() => page.Find("[data-testid=model-table]"), Patience);
        var row = page.FindAll("[data-testid=model-row]").Single(r => r.GetAttribute("data-model") == ollama.Model);
        // Year first, as Chinese readers write dates (the scripted server's models were modified on 1 January 2026).
        row.QuerySelector("[data-testid=model-modified]")!.TextContent.ShouldBe("2026/1/1");
        row.QuerySelector("[data-testid=model-size]")!.TextContent.ShouldBe("4.7 GB");
        page.Find("[data-testid=model-table] thead").TextContent.ShouldContain("名称");
        page.Find("h4").TextContent.ShouldBe("模型");
    }

    private static IElement FieldOf(IRenderedComponent<IComponent> page, string testId) =>
        page.Find($"[data-testid={testId}]").Closest(".mud-input-control") ?? page.Find($"[data-testid={testId}]");

    private static IElement FieldOf(IRenderedComponent<Bunit.Rendering.ContainerFragment> page, string testId) =>
        page.Find($"[data-testid={testId}]").Closest(".mud-input-control") ?? page.Find($"[data-testid={testId}]");

    private static Task Type(IRenderedComponent<Bunit.Rendering.ContainerFragment> page, string testId, string value) =>
        ItemsWebPageHost.Input(page, testId).ChangeAsync(new ChangeEventArgs { Value = value });
}
