using FluxCaption.Contracts;
using FluxCaption.Core.Jobs;
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
    /// <remarks>{job} and {document} stand for the finished translation FluxCaption makes for the pictures.</remarks>
    public static readonly IReadOnlyList<ScreenshotPage> Pages =
    [
        new("dashboard", "/", "[data-testid=dashboard-page]"),
        new("translate", "/translate", "[data-testid=translate-form]"),
        new("libraries", "/libraries", "[data-testid=libraries-page]"),
        new("items", "/items", "[data-testid=item-total]"),
        new("rules", "/rules", "[data-testid=rules-page]"),
        new("jobs", "/jobs", "[data-testid=job-total]"),
        new("job", "/jobs/{job}", "[data-testid=job-subject]"),
        new("editor", "/subtitles/{document}", "[data-testid=subtitle-editor]"),
        new("settings", "/settings", "[data-testid=settings-page][data-interactive=true]"),
        new("memory", "/memory", "[data-testid=memory-table]"),
        new("glossary", "/glossary", "[data-testid=glossary-table]"),
        new("models", "/models", "[data-testid=model-table]"),
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Explicit = true)]
    public async Task TheMainPagesArePhotographedInEveryLanguage()
    {
        var folder = Path.Combine(Localization.WebSources.RepositoryRoot, "docs", "images");
        Directory.CreateDirectory(folder);
        await VisitEveryPageAsync(async (page, shot, culture) =>
        {
            var file = Path.Combine(folder, $"{shot.Name}.{culture}.png");
            await page.ScreenshotAsync(new() { Path = file, FullPage = false });
            new FileInfo(file).Length.ShouldBeGreaterThan(10_000, $"{file} should show the page");
        });
    }

    [Fact]
    public async Task EveryMainPageOpensSignedInInChromiumInEveryLanguage()
    {
        var problems = new List<string>();
        await VisitEveryPageAsync(async (page, shot, culture) =>
        {
            var lang = await page.GetAttributeAsync("html", "lang");
            var heading = await page.TitleAsync();
            var chinese = heading.Any(c => c is >= '\u4e00' and <= '\u9fff');
            if (lang != culture || chinese != (culture == WebCultures.SimplifiedChinese) || page.Url.Contains("/account/", StringComparison.Ordinal))
            {
                problems.Add($"{shot.Name} in {culture}: lang={lang}, title \"{heading}\", at {page.Url}");
            }
        });

        problems.ShouldBeEmpty();
    }

    /// <summary>
    /// Starts the system with realistic data, signs in, and opens every page of <see cref="Pages"/> in every
    /// language at 1366x768, calling <paramref name="atEach"/> once the page's data is on screen.
    /// </summary>
    private async Task VisitEveryPageAsync(Func<IPage, ScreenshotPage, string, Task> atEach)
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Ct);
        await using var system = await BrowserSystem.StartAsync(postgres, redis, new Dictionary<string, string?> { ["ConnectionStrings:llm"] = ollama.ConnectionString });
        using var http = system.CreateApiClient();
        var api = new FluxCaptionApiClient(http);
        await FillAsync(api);
        var translation = await FillLibraryAsync(system, api);

        var page = await system.NewPageAsync();
        await page.SetViewportSizeAsync(1366, 768);
        foreach (var culture in WebCultures.Supported)
        {
            foreach (var shot in Pages)
            {
                var path = shot.Path.Replace("{job}", translation.Id.ToString(), StringComparison.Ordinal)
                    .Replace("{document}", translation.ResultDocumentId.ToString(), StringComparison.Ordinal);
                await page.GotoAsync($"{system.WebUrl}/culture?name={culture}&returnUrl={Uri.EscapeDataString(path)}");
                await page.Locator(shot.ReadySelector).First.WaitForAsync(new() { Timeout = 60_000 });
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                await atEach(page, shot, culture);
            }
        }
    }

    // A library a sync would have left, a rule, a few jobs of every outcome, and one real translation
    // (Apertium, through the Worker) whose result the job and editor pictures show.
    private static async Task<JobView> FillLibraryAsync(BrowserSystem system, FluxCaptionApiClient api)
    {
        var data = system.Data;
        var films = await data.AddLibraryAsync("Films");
        var shows = await data.AddLibraryAsync("Series");
        var items = new List<Guid>();
        foreach (var (title, tracks) in new[]
        {
            ("The Fellowship of the Ring", new[] { ItemsTestData.Subtitle("en"), ItemsTestData.Subtitle("zh-Hans", ours: true) }),
            ("The Two Towers", new[] { ItemsTestData.Subtitle("en"), ItemsTestData.Subtitle("en", hearingImpaired: true) }),
            ("The Return of the King", new[] { ItemsTestData.Subtitle("en"), ItemsTestData.Subtitle("es") }),
            ("Spirited Away", new[] { ItemsTestData.Subtitle("ja"), ItemsTestData.Subtitle("en", text: false) }),
            ("Amélie", new[] { ItemsTestData.Subtitle("fr") }),
        })
        {
            items.Add((await data.AddItemAsync(films, title, tracks)).Id);
        }

        for (var episode = 1; episode <= 4; episode++)
        {
            items.Add((await data.AddEpisodeAsync(shows, "Northern Lights", 1, episode, $"Chapter {episode}")).Id);
        }

        await api.CreateRuleAsync(new RuleInput("Chinese and Spanish nightly", true, [films.Id, shows.Id], ["zh-Hans", "es"], [], null, null,
            "0 0 3 * * ?", 0, TimeSpan.Zero), Ct);
        await data.AddJobAsync(items[0], "zh-Hans", JobStatus.Succeeded, progress: 1);
        await data.AddJobAsync(items[1], "zh-Hans", JobStatus.Running, progress: 0.42);
        await data.AddJobAsync(items[2], "zh-Hans", JobStatus.Queued);
        await data.AddJobAsync(items[3], "es", JobStatus.Failed, "engine_error", "Ollama did not answer within 120 s.");

        var srt = string.Concat(Enumerable.Range(1, 40).Select(i =>
            $"{i}\n00:00:{i:00},000 --> 00:00:{i:00},900\n{(i % 3 == 0 ? "Where is the ring?" : i % 3 == 1 ? "We have to leave the Shire tonight." : "Don't take the road.")}\n\n"));
        await using var upload = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(srt));
        var job = await api.CreateTranslationJobAsync(new TranslationUpload(upload, "fellowship.en.srt", "es", "en", "apertium", null, null), Ct);
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (job.Status != "succeeded")
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, $"the translation for the pictures did not finish: {job.Status}");
            await Task.Delay(500, Ct);
            job = await api.GetJobAsync(job.Id, Ct);
        }

        return job;
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
