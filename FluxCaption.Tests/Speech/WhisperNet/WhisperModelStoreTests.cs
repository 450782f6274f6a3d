using System.Security.Cryptography;
using FluxCaption.Core.Speech;
using FluxCaption.Core.Speech.WhisperNet;

namespace FluxCaption.Tests.Speech.WhisperNet;

/// <summary>Models by name or path: where they are looked for, what a missing one says, and downloads from a scripted server.</summary>
public sealed class WhisperModelStoreTests
{
    private const string Name = "tiny";
    private const string FileName = "ggml-tiny.bin";

    [Fact]
    public async Task AMissingModelWithoutADownloadAddressNamesTheFileItsChecksumAndTheFolder()
    {
        using var host = new WhisperNetTestHost(withModel: false);

        var error = await Should.ThrowAsync<SpeechRecognitionException>(() => host.Store.GetModelPathAsync("base", TestContext.Current.CancellationToken));

        error.Code.ShouldBe("speech_model_missing");
        error.IsTransient.ShouldBeFalse();
        error.Message.ShouldContain("ggml-base.bin");
        error.Message.ShouldContain("465707469ff3a37a2b9b8d8f89f2f99de7299dac");
        error.Message.ShouldContain(host.ModelsFolder);
    }

    [Fact]
    public async Task TheConfiguredDefaultIsUsedWhenARequestNamesNoModel()
    {
        using var host = new WhisperNetTestHost();

        var path = await host.Store.GetModelPathAsync(null, TestContext.Current.CancellationToken);

        path.ShouldBe(Path.Combine(host.ModelsFolder, "ggml-test.bin"));
    }

    [Fact]
    public async Task AnUnpublishedNameThatIsNotOnDiskListsThePublishedNames()
    {
        using var host = new WhisperNetTestHost(withModel: false);

        var error = await Should.ThrowAsync<SpeechRecognitionException>(() => host.Store.GetModelPathAsync("huge-v9", TestContext.Current.CancellationToken));

        error.Message.ShouldContain("ggml-huge-v9.bin");
        error.Message.ShouldContain("large-v3-turbo");
    }

    [Fact]
    public async Task AnAbsolutePathThatDoesNotExistIsNamed()
    {
        using var host = new WhisperNetTestHost(withModel: false);
        var path = Path.Combine(host.Scratch, "nowhere.bin");

        var error = await Should.ThrowAsync<SpeechRecognitionException>(() => host.Store.GetModelPathAsync(path, TestContext.Current.CancellationToken));

        error.Code.ShouldBe("speech_model_missing");
        error.Message.ShouldContain(path);
    }

    [Fact]
    public async Task AMissingModelIsDownloadedVerifiedAndInstalled()
    {
        var content = RandomNumberGenerator.GetBytes(3_000_000);
        await using var server = await StartServerAsync(content);
        using var host = HostFor(server, content);

        var path = await host.Store.GetModelPathAsync(Name, TestContext.Current.CancellationToken);

        path.ShouldBe(Path.Combine(host.ModelsFolder, FileName));
        (await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken)).ShouldBe(content);
        File.Exists(path + ".partial").ShouldBeFalse();
        server.Requests.ShouldHaveSingleItem().Range.ShouldBeNull();
    }

    [Fact]
    public async Task ADroppedTransferIsResumedWithARangeRequest()
    {
        var content = RandomNumberGenerator.GetBytes(3_000_000);
        await using var server = await StartServerAsync(content);
        server.Enqueue(ModelServerBehaviour.DropHalfway);
        using var host = HostFor(server, content);

        var path = await host.Store.GetModelPathAsync(Name, TestContext.Current.CancellationToken);

        (await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken)).ShouldBe(content);
        server.Requests.Count.ShouldBe(2);
        server.Requests[1].Range.ShouldNotBeNull().ShouldStartWith("bytes=");
        long.Parse(server.Requests[1].Range![6..^1]).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task APartialFileLeftByAnEarlierRunIsResumed()
    {
        var content = RandomNumberGenerator.GetBytes(2_000_000);
        await using var server = await StartServerAsync(content);
        using var host = HostFor(server, content);
        await File.WriteAllBytesAsync(Path.Combine(host.ModelsFolder, FileName + ".partial"), content[..1_234_567], TestContext.Current.CancellationToken);

        var path = await host.Store.GetModelPathAsync(Name, TestContext.Current.CancellationToken);

        (await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken)).ShouldBe(content);
        server.Requests.ShouldHaveSingleItem().Range.ShouldBe("bytes=1234567-");
    }

    [Fact]
    public async Task AServerThatIgnoresRangesSendsTheWholeFileAgainOverThePartialOne()
    {
        var content = RandomNumberGenerator.GetBytes(1_500_000);
        await using var server = await StartServerAsync(content);
        server.Enqueue(ModelServerBehaviour.IgnoreRange);
        using var host = HostFor(server, content);
        await File.WriteAllBytesAsync(Path.Combine(host.ModelsFolder, FileName + ".partial"), RandomNumberGenerator.GetBytes(700_000), TestContext.Current.CancellationToken);

        var path = await host.Store.GetModelPathAsync(Name, TestContext.Current.CancellationToken);

        (await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken)).ShouldBe(content);
        server.Requests.ShouldHaveSingleItem().Range.ShouldBe("bytes=700000-");
    }

    [Fact]
    public async Task ACompletePartialFileIsVerifiedAndInstalledWhenTheServerHasNothingMoreToSend()
    {
        var content = RandomNumberGenerator.GetBytes(500_000);
        await using var server = await StartServerAsync(content);
        using var host = HostFor(server, content);
        await File.WriteAllBytesAsync(Path.Combine(host.ModelsFolder, FileName + ".partial"), content, TestContext.Current.CancellationToken);

        var path = await host.Store.GetModelPathAsync(Name, TestContext.Current.CancellationToken);

        (await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken)).ShouldBe(content);
        server.Requests.ShouldHaveSingleItem().Range.ShouldBe("bytes=500000-");
    }

    [Fact]
    public async Task AChecksumMismatchDeletesTheDownloadAndFails()
    {
        var content = RandomNumberGenerator.GetBytes(1_000_000);
        await using var server = await StartServerAsync(content);
        using var host = HostFor(server, RandomNumberGenerator.GetBytes(10));

        var error = await Should.ThrowAsync<SpeechRecognitionException>(() => host.Store.GetModelPathAsync(Name, TestContext.Current.CancellationToken));

        error.Code.ShouldBe("speech_model_checksum_mismatch");
        error.Message.ShouldContain(Convert.ToHexStringLower(SHA1.HashData(content)));
        Directory.GetFiles(host.ModelsFolder).ShouldBeEmpty();
    }

    [Fact]
    public async Task AServerWithoutTheFileFailsAsMissingWithoutLeavingAPartialFile()
    {
        var content = RandomNumberGenerator.GetBytes(1000);
        await using var server = await StartServerAsync(content);
        server.Enqueue(ModelServerBehaviour.NotFound);
        using var host = HostFor(server, content);

        var error = await Should.ThrowAsync<SpeechRecognitionException>(() => host.Store.GetModelPathAsync(Name, TestContext.Current.CancellationToken));

        error.Code.ShouldBe("speech_model_missing");
        error.Message.ShouldContain("404");
        error.Message.ShouldContain(FileName);
        server.Requests.Count.ShouldBe(1);
        Directory.GetFiles(host.ModelsFolder).ShouldBeEmpty();
    }

    [Fact]
    public async Task AnUnavailableServerIsRetriedByTheClientPipeline()
    {
        var content = RandomNumberGenerator.GetBytes(100_000);
        await using var server = await StartServerAsync(content);
        server.Enqueue(ModelServerBehaviour.ServerError, ModelServerBehaviour.ServerError);
        using var host = HostFor(server, content);

        var path = await host.Store.GetModelPathAsync(Name, TestContext.Current.CancellationToken);

        (await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken)).ShouldBe(content);
        server.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task TwoConcurrentFirstUsesDownloadOnce()
    {
        var content = RandomNumberGenerator.GetBytes(2_000_000);
        await using var server = await StartServerAsync(content);
        server.Latency = TimeSpan.FromMilliseconds(300);
        using var host = HostFor(server, content);

        var paths = await Task.WhenAll(
            host.Store.GetModelPathAsync(Name, TestContext.Current.CancellationToken),
            host.Store.GetModelPathAsync(Name, TestContext.Current.CancellationToken));

        paths.Distinct().ShouldHaveSingleItem();
        server.Requests.Count.ShouldBe(1);
        (await File.ReadAllBytesAsync(paths[0], TestContext.Current.CancellationToken)).ShouldBe(content);
    }

    private static async Task<ScriptedModelServer> StartServerAsync(byte[] content)
    {
        var server = await ScriptedModelServer.StartAsync(TestContext.Current.CancellationToken);
        server.Add(FileName, content);
        return server;
    }

    /// <summary>A host whose catalog publishes <paramref name="published"/>'s SHA-1 for "tiny", downloading from the server.</summary>
    private static WhisperNetTestHost HostFor(ScriptedModelServer server, byte[] published) => new(
        withModel: false,
        settings: new Dictionary<string, string?> { ["DownloadBaseUrl"] = server.BaseAddress.AbsoluteUri },
        catalog: new WhisperModelCatalog(new Dictionary<string, string> { [Name] = Convert.ToHexStringLower(SHA1.HashData(published)) }));
}
