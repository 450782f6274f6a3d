using FluxCaption.Contracts;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.TestServers;
using FluxCaption.Web.Localization;
using FluxCaption.Web.Services;
using Microsoft.Playwright;
using TestContext = Xunit.TestContext;

namespace FluxCaption.Tests.Web;

/// <summary>A page to photograph: its name in the file, its address, and what shows once its data is on screen.</summary>
public sealed record ScreenshotPage(string Name, string Path, string ReadySelector);

/// <summary>
/// Makes the screenshots of docs/web-ui.md: the main pages in every language of the Web app, at 1366x768, with
/// realistic data, saved as docs/images/&lt;page&gt;.&lt;language&gt;.png. Run by hand after a visible change:
/// `dotnet run --project FluxCaption.Tests -- --filter-class '*WebScreenshots*'` (explicit tests only run when named).
/// </summary>
public sealed class WebScreenshots(PostgresServer postgres, RedisServer redis)
{
    /// <summary>The pages photographed, in the order docs/web-ui.md shows them; add a page here and to the doc.</summary>
    public static readonly IReadOnlyList<ScreenshotPage> Pages =
    [
        new("settings", "/settings", "[data-testid=settings-page][data-interactive=true]"),
        new("memory", "/memory", "[data-testid=memory-table]"),
        new("glossary", "/glossary", "[data-testid=glossary-table]"),
        new("models", "/models", "[data-testid=model-table]"),
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Explicit = true)]
    public async Task TheMainPagesArePhotographedInEveryLanguage()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Ct);
        await using var system = await BrowserSystem.StartAsync(postgres, redis, new Dictionary<string, string?> { ["ConnectionStrings:llm"] = ollama.ConnectionString });
        using var http = system.CreateApiClient();
        await FillAsync(new FluxCaptionApiClient(http));
        var folder = Path.Combine(Localization.WebSources.RepositoryRoot, "docs", "images");
        Directory.CreateDirectory(folder);

        var page = await system.NewPageAsync();
        await page.SetViewportSizeAsync(1366, 768);
        foreach (var culture in WebCultures.Supported)
        {
            foreach (var shot in Pages)
            {
                await page.GotoAsync($"{system.WebUrl}/culture?name={culture}&returnUrl={Uri.EscapeDataString(shot.Path)}");
                await page.Locator(shot.ReadySelector).First.WaitForAsync(new() { Timeout = 60_000 });
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                var file = Path.Combine(folder, $"{shot.Name}.{culture}.png");
                await page.ScreenshotAsync(new() { Path = file, FullPage = false });
                new FileInfo(file).Length.ShouldBeGreaterThan(10_000, $"{file} should show the page");
            }
        }
    }

    // What a user who has worked with FluxCaption for a while has: a Jellyfin server, a memory and a glossary.
    private static async Task FillAsync(FluxCaptionApiClient api)
    {
        await api.SaveJellyfinSettingsAsync(new JellyfinSettingsUpdate("http://jellyfin.home.arpa:8096", "0123456789abcdef0123456789abcdef"), Ct);
        await api.SaveCoverageSettingsAsync(new CoverageSettingsView(false, true, true, ["zh-Hant=zh-Hans"]), Ct);
        string[][] lines =
        [
            ["Where is the ring?", "指环在哪里？", "¿Dónde está el anillo?"],
            ["Good morning, Mr. Baggins.", "早上好，巴金斯先生。", "Buenos días, señor Bolsón."],
            ["We have to leave the Shire tonight.", "我们今晚必须离开夏尔。", "Tenemos que dejar la Comarca esta noche."],
            ["Don't take the road.", "别走大路。", "No toméis el camino."],
            ["Is it secret? Is it safe?", "它隐秘吗？它安全吗？", "¿Es secreto? ¿Está a salvo?"],
        ];
        var units = string.Concat(lines.Select(line =>
            $"""<tu><tuv xml:lang="en"><seg>{line[0]}</seg></tuv><tuv xml:lang="zh-Hans"><seg>{line[1]}</seg></tuv><tuv xml:lang="es"><seg>{line[2]}</seg></tuv></tu>"""));
        var tmx = $"""<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header creationtool="FluxCaption" creationtoolversion="1" segtype="sentence" o-tmf="FluxCaption" adminlang="en" srclang="en" datatype="plaintext"/><body>{units}</body></tmx>""";
        await using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(tmx));
        await api.ImportMemoryTmxAsync(stream, Ct);

        foreach (var (source, chinese, spanish) in new[] { ("Shire", "夏尔", "Comarca"), ("Baggins", "巴金斯", "Bolsón"), ("Mordor", "魔多", "Mordor") })
        {
            await api.CreateGlossaryTermAsync(new GlossaryTermRequest("en", "zh-Hans", source, chinese, true), Ct);
            await api.CreateGlossaryTermAsync(new GlossaryTermRequest("en", "es", source, spanish, true), Ct);
        }
    }
}
