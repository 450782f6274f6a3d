using AngleSharp.Dom;
using Bunit;
using Bunit.Rendering;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.TestServers;
using FluxCaption.Web.Components.Pages.Models;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using TestContext = Xunit.TestContext;

namespace FluxCaption.Tests.Web;

/// <summary>The Models page as a user works it, on the real Api and a scripted Ollama server.</summary>
public sealed class ModelsPageTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private const string Pullable = "llama3.2:3b";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ScriptedOllamaServer _ollama = null!;
    private ItemsWebPageHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Ct);
        _ollama.PullableModels.Add(Pullable);
        _host = await ItemsWebPageHost.StartAsync(postgres, redis, new Dictionary<string, string?> { ["ConnectionStrings:llm"] = _ollama.ConnectionString });
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _ollama.DisposeAsync();
    }

    private IRenderedComponent<ContainerFragment> Open()
    {
        var page = _host.Open<ModelsPage>("http://localhost/models");
        page.WaitForAssertion(() => page.Find("[data-testid=model-table]"), ItemsWebPageHost.Patience);
        return page;
    }

    private static IElement Row(IRenderedComponent<ContainerFragment> page, string model) =>
        page.FindAll("[data-testid=model-row]").Single(row => row.GetAttribute("data-model") == model);

    [Fact]
    public async Task InstalledModelsShowSizeInGigabytesFamilyQuantizationAndMakeDefaultMovesTheMark()
    {
        await foreach (var _ in _host.Client.PullOllamaModelAsync(Pullable, Ct))
        {
        }

        var page = Open();
        var configured = Row(page, _ollama.Model);
        configured.QuerySelector("[data-testid=model-size]")!.TextContent.ShouldBe("4.7 GB");
        configured.QuerySelector("[data-testid=model-family]")!.TextContent.ShouldBe("qwen2");
        configured.QuerySelector("[data-testid=model-quantization]")!.TextContent.ShouldBe("Q4_K_M");
        configured.QuerySelector("[data-testid=model-default]").ShouldNotBeNull();
        Row(page, Pullable).QuerySelector("[data-testid=model-default]").ShouldBeNull();

        await Row(page, Pullable).QuerySelector("[data-testid=make-default]")!.ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => page.Find("[data-testid=notice]").TextContent.ShouldContain($"{Pullable} is now the default"), ItemsWebPageHost.Patience);
        Row(page, Pullable).QuerySelector("[data-testid=model-default]").ShouldNotBeNull();
        Row(page, _ollama.Model).QuerySelector("[data-testid=model-default]").ShouldBeNull();
        (await _host.Client.ListOllamaModelsAsync(Ct)).ChosenModel.ShouldBe(Pullable);
    }

    [Fact]
    public async Task APullShowsOllamasProgressAndTheNewModelIsListedWhenItSucceeds()
    {
        _ollama.PullStepDelay = TimeSpan.FromMilliseconds(150);
        var page = Open();

        await ItemsWebPageHost.Input(page, "pull-model").ChangeAsync(new ChangeEventArgs { Value = Pullable });
        // The click's handler runs until the pull ends: watch the page meanwhile, then wait for it.
        var pulling = page.Find("[data-testid=pull-start]").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => page.Find("[data-testid=pull-status]").TextContent.ShouldStartWith("pulling 6a0746a1"), ItemsWebPageHost.Patience);
        page.Find("[data-testid=pull-cancel]").ShouldNotBeNull();
        await pulling;
        page.WaitForAssertion(() => page.Find("[data-testid=notice]").TextContent.ShouldBe($"{Pullable} is installed."), ItemsWebPageHost.Patience);
        page.WaitForAssertion(() => Row(page, Pullable).ShouldNotBeNull(), ItemsWebPageHost.Patience);
        page.Find("[data-testid=pull-progress]").GetAttribute("data-percent").ShouldBe("100");
    }

    [Fact]
    public async Task APullOfAModelTheRegistryLacksShowsOllamasOwnError()
    {
        var page = Open();

        await ItemsWebPageHost.Input(page, "pull-model").ChangeAsync(new ChangeEventArgs { Value = "no-such-model:1b" });
        await page.Find("[data-testid=pull-start]").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(
            () => page.Find("[data-testid=problem]").TextContent.ShouldBe("The pull of no-such-model:1b failed: pull model manifest: file does not exist"),
            ItemsWebPageHost.Patience);
    }

    [Fact]
    public async Task DeleteAsksFirstAndThenRemovesTheModelFromTheServer()
    {
        var page = Open();

        await Row(page, _ollama.Model).QuerySelector("[data-testid=model-delete]")!.ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => page.Find("[data-testid=confirm-delete]"), ItemsWebPageHost.Patience);
        _ollama.InstalledModels.ShouldContain(_ollama.Model);
        await page.Find("[data-testid=confirm-delete]").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => page.Find("[data-testid=no-models]"), ItemsWebPageHost.Patience);
        _ollama.InstalledModels.ShouldBeEmpty();
    }

    [Fact]
    public async Task TryingALineShowsTheTranslationAndTheTimeItTook()
    {
        var page = Open();

        await ItemsWebPageHost.Input(page, "try-target").ChangeAsync(new ChangeEventArgs { Value = "fr" });
        await ItemsWebPageHost.Input(page, "try-text").ChangeAsync(new ChangeEventArgs { Value = "Good morning" });
        await page.Find("[data-testid=try-run]").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => page.Find("[data-testid=try-result]").TextContent.ShouldBe("[fr] Good morning"), ItemsWebPageHost.Patience);
        page.Find("[data-testid=try-time]").TextContent.ShouldMatch($@"{_ollama.Model.Replace(".", "\\.", StringComparison.Ordinal)} took \d+\.\d\d s");
    }
}
