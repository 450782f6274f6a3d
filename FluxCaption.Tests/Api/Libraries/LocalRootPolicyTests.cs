using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluxCaption.Tests.Infrastructure;

namespace FluxCaption.Tests.Api.Libraries;

/// <summary>Which folders may become a local library: resolved through their links, then checked.</summary>
public sealed class LocalRootPolicyTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string _folder = null!;
    private string _state = null!;

    public ValueTask InitializeAsync()
    {
        _folder = Directory.CreateTempSubdirectory("fluxcaption-policy-").FullName;
        _state = Directory.CreateDirectory(Path.Combine(_folder, "state")).FullName;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    private Task<LibraryApiHost> HostAsync(params (string Key, string Value)[] settings)
    {
        var overrides = new Dictionary<string, string?> { ["LocalMedia:StateDirectory"] = _state };
        foreach (var (key, value) in settings)
        {
            overrides[key] = value;
        }

        return LibraryApiHost.CreateAsync(postgres, redis, overrides: overrides);
    }

    private static Task<HttpResponseMessage> AddAsync(LibraryApiHost host, string path) =>
        host.PostAsync("/api/libraries", new { source = "local", name = Path.GetFileName(path) + "x", path, writeBack = true });

    [Fact]
    public async Task SystemFoldersAreRefusedWithTheReason()
    {
        await using var host = await HostAsync();

        foreach (var system in new[] { "/", "/etc", "/proc/self", "/usr/share", "/var/lib", "/root" }.Where(Directory.Exists))
        {
            (await (await AddAsync(host, system)).ShouldNameFieldAsync("path")).ShouldContain("system folder", customMessage: system);
        }
    }

    [Fact]
    public async Task FluxCaptionsOwnStateAndTempFoldersAreRefused()
    {
        var temp = Directory.CreateDirectory(Path.Combine(_folder, "tmp")).FullName;
        Directory.CreateDirectory(Path.Combine(_state, "inside"));
        await using var host = await HostAsync(("Media:TempDirectory", temp));

        (await (await AddAsync(host, _state)).ShouldNameFieldAsync("path")).ShouldContain("FluxCaption's own");
        (await (await AddAsync(host, Path.Combine(_state, "inside"))).ShouldNameFieldAsync("path")).ShouldContain("state folder");
        (await (await AddAsync(host, temp)).ShouldNameFieldAsync("path")).ShouldContain("temp folder");
        // A folder holding FluxCaption's state would put the API key and database inside a library.
        (await (await AddAsync(host, _folder)).ShouldNameFieldAsync("path")).ShouldContain("state folder");
    }

    [Fact]
    public async Task ALinkIntoASystemFolderIsJudgedByWhereItLeads()
    {
        var link = Path.Combine(_folder, "looks-like-movies");
        Directory.CreateSymbolicLink(link, "/etc");
        var nested = Path.Combine(_folder, "nested");
        Directory.CreateSymbolicLink(nested, _folder);
        await using var host = await HostAsync();

        var message = await (await AddAsync(host, link)).ShouldNameFieldAsync("path");
        message.ShouldContain("/etc");
        message.ShouldContain("system folder");
        (await (await AddAsync(host, Path.Combine(nested, "state"))).ShouldNameFieldAsync("path")).ShouldContain("FluxCaption's own");
    }

    [Fact]
    public async Task ALinkToAnExistingLibrarysParentOverlapsIt()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "media", "Shows"));
        var link = Path.Combine(_folder, "shortcut");
        Directory.CreateSymbolicLink(link, Path.Combine(_folder, "media"));
        await using var host = await HostAsync();
        (await AddAsync(host, Path.Combine(_folder, "media", "Shows"))).StatusCode.ShouldBe(HttpStatusCode.Created);

        using var parent = await AddAsync(host, link);
        parent.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await parent.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString()!.ShouldContain("overlaps");
        (await AddAsync(host, Path.Combine(link, "Shows"))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task WithAllowedRootsOnlyFoldersUnderThemAreAccepted()
    {
        var media = Directory.CreateDirectory(Path.Combine(_folder, "media")).FullName;
        Directory.CreateDirectory(Path.Combine(media, "Movies"));
        var other = Directory.CreateDirectory(Path.Combine(_folder, "other")).FullName;
        var escape = Path.Combine(media, "escape");
        Directory.CreateSymbolicLink(escape, other);
        await using var host = await HostAsync(("LocalMedia:AllowedRoots:0", media), ("LocalMedia:AllowedRoots:1", "/nonexistent-root"));

        (await (await AddAsync(host, other)).ShouldNameFieldAsync("path")).ShouldContain("LocalMedia:AllowedRoots");
        (await (await AddAsync(host, escape)).ShouldNameFieldAsync("path")).ShouldContain(other);
        using var accepted = await AddAsync(host, Path.Combine(media, "Movies"));
        accepted.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await accepted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("path").GetString().ShouldBe(Path.Combine(media, "Movies"));
    }

    [Fact]
    public async Task WithoutAllowedRootsTheStartupLogSaysAnyOtherFolderIsAccepted()
    {
        await using var host = await HostAsync();
        (await AddAsync(host, Directory.CreateDirectory(Path.Combine(_folder, "Films")).FullName)).StatusCode.ShouldBe(HttpStatusCode.Created);

        host.Logs.Lines.ShouldContain(line => line.Contains("LocalMedia:AllowedRoots is empty"));
    }
}
