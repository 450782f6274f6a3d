using Bunit;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.TestServers.ScriptedJellyfin;
using FluxCaption.Web.Components.Pages.Libraries;
using FluxCaption.Web.Services;
using Microsoft.AspNetCore.Components;

namespace FluxCaption.Tests.Web;

/// <summary>The Libraries page rendered with bUnit against the real Api: rows, dialogs, syncs and their progress.</summary>
public sealed class LibrariesPageTests(PostgresServer postgres, RedisServer redis) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string _folder = Directory.CreateTempSubdirectory("fluxcaption-weblib-page-").FullName;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task WithNoLibrariesThePageSaysHowToGetOne()
    {
        await using var harness = await SettingsAndLibrariesHarness.StartAsync(postgres, redis);

        var page = harness.Render<LibrariesPage>();

        page.WaitForAssertion(() => page.Find("[data-testid=empty]").TextContent.ShouldContain("No libraries yet: add a folder, or connect Jellyfin"), Patience);
    }

    [Fact]
    public async Task AFolderAddedInTheDialogBecomesARowThatLinksToItsItems()
    {
        await using var harness = await SettingsAndLibrariesHarness.StartAsync(postgres, redis);
        var movies = Directory.CreateDirectory(Path.Combine(_folder, "Movies")).FullName;
        var page = harness.Render<LibrariesPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=empty]"), Patience);

        await AddFolderAsync(page, movies, writeBack: true);

        page.WaitForAssertion(() => page.FindAll("[data-testid=add-folder-dialog]").ShouldBeEmpty(), Patience);
        page.WaitForAssertion(() => page.Find("[data-testid=library-name]").TextContent.ShouldBe("Movies"), Patience);
        var library = (await harness.Client.ListLibrariesAsync(Ct)).ShouldHaveSingleItem();
        (library.Path, library.WriteBack).ShouldBe((movies, true));
        page.Find("[data-testid=library-name]").GetAttribute("href").ShouldBe($"items?library={library.Id}");
        var row = page.Find("[data-testid=libraries] tbody tr").TextContent;
        row.ShouldContain("Local folder");
        row.ShouldContain(movies);
        row.ShouldContain("Never synced");
    }

    [Fact]
    public async Task AFolderTheApiRefusesKeepsTheDialogOpenWithTheReasonAtThePath()
    {
        await using var harness = await SettingsAndLibrariesHarness.StartAsync(postgres, redis);
        var movies = Directory.CreateDirectory(Path.Combine(_folder, "Movies", "Extras")).Parent!.FullName;
        await harness.Client.AddLocalLibraryAsync(new NewLocalLibrary("Movies", movies, false), Ct);
        var file = Path.Combine(_folder, "notes.txt");
        await File.WriteAllTextAsync(file, "not a folder", Ct);
        var page = harness.Render<LibrariesPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=library-name]"), Patience);

        await AddFolderAsync(page, Path.Combine(movies, "Extras"), writeBack: false);
        page.WaitForAssertion(() => PathError(page).ShouldContain("overlaps the library 'Movies'"), Patience);

        await page.ChangeToAsync("[data-testid=folder-path]", file);
        await page.ClickOnAsync("[data-testid=folder-add]");
        page.WaitForAssertion(() => PathError(page).ShouldContain("is a file, not a folder"), Patience);
        (await harness.Client.ListLibrariesAsync(Ct)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task SyncNowUpdatesTheRowByItselfUntilTheSyncHasFinished()
    {
        await using var harness = await SettingsAndLibrariesHarness.StartAsync(postgres, redis);
        await TestMedia.CreateVideoAsync(Path.Combine(_folder, "Film.mkv"), [new TestSubtitleTrack("eng", "srt", TestMedia.SampleSrt)]);
        await harness.Client.AddLocalLibraryAsync(new NewLocalLibrary("Films", _folder, false), Ct);
        var page = harness.Render<LibrariesPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=sync-status]").TextContent.Trim().ShouldBe("Never synced"), Patience);

        await page.ClickOnAsync("[data-testid=sync-now]");

        page.WaitForAssertion(() => page.Find("[data-testid=notice]").TextContent.ShouldContain("Sync of \"Films\" requested."), Patience);
        page.WaitForAssertion(() => page.Find("[data-testid=sync-status]").TextContent.Trim().ShouldBe("Synced"), Patience);
        page.Find("[data-testid=library-items]").TextContent.ShouldBe("1");
        page.Find("[data-testid=last-sync]").TextContent.ShouldContain("1 video seen");
    }

    [Fact]
    public async Task RefreshFromJellyfinSaysWhatToDoUntilItIsConfiguredAndThenListsItsLibraries()
    {
        await using var harness = await SettingsAndLibrariesHarness.StartAsync(postgres, redis);
        await using var jellyfin = await ScriptedJellyfinServer.StartAsync(Ct);
        jellyfin.AddLibrary("Shows", "/media/shows", "tvshows");
        var page = harness.Render<LibrariesPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=empty]"), Patience);

        await page.ClickOnAsync("[data-testid=refresh-jellyfin]");
        page.WaitForAssertion(() => page.Find("[data-testid=jellyfin-not-configured]").TextContent.ShouldContain("Jellyfin is not configured yet"), Patience);
        page.Find("[data-testid=jellyfin-not-configured] a").GetAttribute("href").ShouldBe("settings");

        await harness.Client.SaveJellyfinSettingsAsync(new JellyfinSettingsUpdate(jellyfin.Endpoint.ToString(), jellyfin.ApiKey), Ct);
        await page.ClickOnAsync("[data-testid=refresh-jellyfin]");

        page.WaitForAssertion(() => page.Find("[data-testid=library-name]").TextContent.ShouldBe("Shows"), Patience);
        page.FindAll("[data-testid=jellyfin-not-configured]").ShouldBeEmpty();
        page.Find("[data-testid=notice]").TextContent.ShouldContain("Jellyfin has 1 library.");
        var row = page.Find("[data-testid=libraries] tbody tr");
        row.TextContent.ShouldContain("Uploads to Jellyfin");
        row.QuerySelectorAll("[data-testid=library-write-back]").ShouldBeEmpty();
        row.QuerySelectorAll("[data-testid=delete]").ShouldBeEmpty();
    }

    [Fact]
    public async Task TurningALibraryOffSavesItAndGreysOutItsSyncButtons()
    {
        await using var harness = await SettingsAndLibrariesHarness.StartAsync(postgres, redis);
        var library = await harness.Client.AddLocalLibraryAsync(new NewLocalLibrary("Films", _folder, false), Ct);
        var page = harness.Render<LibrariesPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=library-enabled]"), Patience);

        await page.ChangeToAsync("[data-testid=library-enabled]", false);
        page.WaitForAssertion(() => page.Find("[data-testid=notice]").TextContent.ShouldContain("\"Films\" disabled."), Patience);
        await page.ChangeToAsync("[data-testid=library-write-back]", true);
        page.WaitForAssertion(() => page.Find("[data-testid=notice]").TextContent.ShouldContain("saves subtitles next to its videos"), Patience);

        var saved = await harness.Client.GetLibraryAsync(library.Id, Ct);
        (saved.Enabled, saved.WriteBack).ShouldBe((false, true));
        page.Find("[data-testid=sync-now]").HasAttribute("disabled").ShouldBeTrue();
        page.Find("[data-testid=full-sync]").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public async Task DeletingAFolderAsksFirstAndOnlyAYesRemovesIt()
    {
        await using var harness = await SettingsAndLibrariesHarness.StartAsync(postgres, redis);
        await harness.Client.AddLocalLibraryAsync(new NewLocalLibrary("Films", _folder, false), Ct);
        var page = harness.Render<LibrariesPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=delete]"), Patience);

        await page.ClickOnAsync("[data-testid=delete]");
        page.WaitForAssertion(() => page.Find(".mud-dialog").TextContent.ShouldContain("Nothing on disk is deleted"), Patience);
        await page.InvokeAsync(() => DialogButton(page, "Cancel").Click());
        page.WaitForAssertion(() => page.FindAll(".mud-dialog").ShouldBeEmpty(), Patience);
        (await harness.Client.ListLibrariesAsync(Ct)).Count.ShouldBe(1);

        await page.ClickOnAsync("[data-testid=delete]");
        page.WaitForAssertion(() => page.Find(".mud-dialog"), Patience);
        await page.InvokeAsync(() => DialogButton(page, "Delete").Click());

        page.WaitForAssertion(() => page.Find("[data-testid=empty]"), Patience);
        (await harness.Client.ListLibrariesAsync(Ct)).ShouldBeEmpty();
        Directory.Exists(_folder).ShouldBeTrue();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task AddFolderAsync(IRenderedComponent<IComponent> page, string path, bool writeBack)
    {
        await page.ClickOnAsync("[data-testid=add-folder]");
        page.WaitForAssertion(() => page.Find("[data-testid=folder-path]"), Patience);
        await page.ChangeToAsync("[data-testid=folder-path]", path);
        await page.ChangeToAsync("[data-testid=folder-write-back]", writeBack);
        await page.ClickOnAsync("[data-testid=folder-add]");
    }

    private static string PathError(IRenderedComponent<IComponent> page) =>
        page.Find("[data-testid=folder-path]").Closest(".mud-input-control.mud-input-error")?.TextContent ?? "";

    private static AngleSharp.Dom.IElement DialogButton(IRenderedComponent<IComponent> page, string text) =>
        page.FindAll(".mud-dialog button").Single(button => button.TextContent.Trim() == text);
}
