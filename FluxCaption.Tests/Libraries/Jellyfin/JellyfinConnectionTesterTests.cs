using FluxCaption.Core.Libraries.Jellyfin;
using FluxCaption.Tests.TestServers;

namespace FluxCaption.Tests.Libraries.Jellyfin;

public sealed class JellyfinConnectionTesterTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAdministratorKeyOnASupportedServerPassesWithTheServersNameAndVersion()
    {
        await using var host = await JellyfinTestHost.StartAsync(withMedia: false);

        var result = await host.Tester.TestAsync(host.Connection, Cancel);

        result.Success.ShouldBeTrue();
        result.Code.ShouldBe("ok");
        result.ServerName.ShouldBe("Scripted Jellyfin");
        result.Version.ShouldBe("12.0.0");
        host.Server.Requests.Select(r => r.Path).ShouldBe(["/System/Info/Public", "/Library/VirtualFolders"]);
    }

    [Fact]
    public async Task AWrongKeyIsReportedAsUnauthorized()
    {
        await using var host = await JellyfinTestHost.StartAsync(withMedia: false);

        var result = await host.Tester.TestAsync(new JellyfinConnection(host.Server.Endpoint, "wrong"), Cancel);

        result.Success.ShouldBeFalse();
        result.Code.ShouldBe("unauthorized");
        result.Message.ShouldContain("API key");
    }

    [Fact]
    public async Task AUsersTokenWithoutAdministratorRightsIsReportedAsNotAdmin()
    {
        await using var host = await JellyfinTestHost.StartAsync(withMedia: false);

        var result = await host.Tester.TestAsync(new JellyfinConnection(host.Server.Endpoint, host.Server.UserToken), Cancel);

        result.Code.ShouldBe("not_admin");
        result.Message.ShouldContain("administrator");
    }

    [Fact]
    public async Task AServerOlderThanTenNineIsReportedAsUnsupportedWithItsVersion()
    {
        await using var host = await JellyfinTestHost.StartAsync(withMedia: false);
        host.Server.Version = "10.8.13";

        var result = await host.Tester.TestAsync(host.Connection, Cancel);

        result.Code.ShouldBe("unsupported_version");
        result.Version.ShouldBe("10.8.13");
        result.Message.ShouldContain("10.9");
        host.Server.Requests.Select(r => r.Path).ShouldBe(["/System/Info/Public"]);
    }

    [Fact]
    public async Task NothingListeningIsReportedAsUnreachable()
    {
        await using var host = await JellyfinTestHost.StartAsync(withMedia: false);
        await host.Server.StopAsync();

        var result = await host.Tester.TestAsync(host.Connection, Cancel);

        result.Code.ShouldBe("unreachable");
        result.Message.ShouldContain(host.Server.Endpoint.ToString());
    }

    [Fact]
    public async Task AServerThatIsNotJellyfinIsReportedAsSuch()
    {
        await using var host = await JellyfinTestHost.StartAsync(withMedia: false);
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Cancel);

        var result = await host.Tester.TestAsync(new JellyfinConnection(ollama.Endpoint, "key"), Cancel);

        result.Code.ShouldBe("not_jellyfin");
    }

    [Fact]
    public async Task WithNothingSavedTheTestSaysNoServerIsConfigured()
    {
        await using var host = await JellyfinTestHost.StartAsync(withMedia: false);
        host.Connections.Connection = null;

        var result = await host.Tester.TestConfiguredAsync(Cancel);

        result.Code.ShouldBe("not_configured");
        host.Server.Requests.ShouldBeEmpty();
    }
}
