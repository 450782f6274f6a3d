using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using FluxCaption.Core.Subtitles;
using FluxCaption.Tests.Api;
using Npgsql;
using StackExchange.Redis;

namespace FluxCaption.Tests.AppHost;

/// <summary>
/// `dotnet run --project FluxCaption.AppHost` as a user gets it, driven through Aspire.Hosting.Testing:
/// every resource starts without containers, a subtitle goes through the Api and the Worker, the Web app
/// answers, and the orchestrator can stop and start a worker mid-job without losing the job.
/// </summary>
public sealed class AppHostTests(AspireSystem system) : IClassFixture<AspireSystem>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASubtitleUploadedToTheApiIsTranslatedByTheWorkerAndDownloaded()
    {
        using var api = system.CreateApiClient();

        var id = await UploadAsync(api, TranslateUploads.Form(TranslateUploads.Utf8(TranslateUploads.ThreeCueSrt), "movie.en.srt", targetLanguage: "es", engine: "apertium"));
        var job = await WaitUntilFinishedAsync(api, id, TimeSpan.FromMinutes(3));

        job.GetProperty("status").GetString().ShouldBe("succeeded", job.ToString());
        using var result = await api.GetAsync($"/api/jobs/{id}/result", Ct);
        result.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = SubtitleFile.Load(await result.Content.ReadAsByteArrayAsync(Ct), "movie.es.srt");
        document.Cues.Count.ShouldBe(3);
        document.Cues[0].Text.ShouldBe("La casa es roja.");
        document.Cues[1].Text.ShouldBe("<i>Dónde es el perro?</i>");
        document.Cues[2].Text.ShouldContain("jardín pequeño");
        document.Cues.Select(c => c.Start).ShouldBe([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(7.1)]);
    }

    [Fact]
    public async Task TheWebAppAnswersThroughTheOrchestrator()
    {
        using var web = system.App.CreateHttpClient("web");

        var html = await web.GetStringAsync("/translate", Ct);

        html.ShouldContain("FluxCaption");
    }

    [Fact]
    public async Task TheStateFolderGetsAnEnvFileNamingTheRunningApiAndItsKey()
    {
        var env = File.ReadAllLines(Path.Combine(system.StateDirectory, "env"))
            .Select(line => line.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts[1]);

        env["FLUXCAPTION_API_KEY"].ShouldBe(system.ApiKey);
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", env["FLUXCAPTION_API_KEY"]);
        (await client.GetAsync($"{env["FLUXCAPTION_API_URL"]}/api/system/info", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"{env["FLUXCAPTION_WEB_URL"]}/health", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Path.Combine(system.StateDirectory, "env")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public async Task TheLocalDatabaseAndRedisRefuseAnyoneWithoutTheGeneratedPasswords()
    {
        var database = new NpgsqlConnectionStringBuilder(await system.App.GetConnectionStringAsync("postgres", Ct));
        var redis = ConfigurationOptions.Parse((await system.App.GetConnectionStringAsync("redis", Ct))!);
        database.Password.ShouldBe(File.ReadAllText(Path.Combine(system.StateDirectory, "postgres-password")).Trim());
        redis.Password.ShouldBe(File.ReadAllText(Path.Combine(system.StateDirectory, "redis-password")).Trim());

        await using (var withPassword = new NpgsqlConnection(database.ConnectionString))
        {
            await withPassword.OpenAsync(Ct);
        }

        database.Password = "not-the-password";
        await using (var wrongPassword = new NpgsqlConnection(database.ConnectionString))
        {
            (await Should.ThrowAsync<PostgresException>(() => wrongPassword.OpenAsync(Ct))).SqlState.ShouldBe("28P01");
        }

        database.Password = null;
        await using (var noPassword = new NpgsqlConnection(database.ConnectionString))
        {
            await Should.ThrowAsync<NpgsqlException>(() => noPassword.OpenAsync(Ct));
        }

        using (var authenticated = await ConnectionMultiplexer.ConnectAsync(redis))
        {
            (await authenticated.GetDatabase().PingAsync()).ShouldBeGreaterThanOrEqualTo(TimeSpan.Zero);
        }

        // Without the password Redis answers every command with NOAUTH (asked on the wire: a client library
        // would not even finish connecting).
        var endpoint = (System.Net.DnsEndPoint)redis.EndPoints[0];
        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync(endpoint.Host, endpoint.Port, Ct);
        var stream = socket.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray(), Ct);
        var reply = new byte[128];
        var read = await stream.ReadAsync(reply, Ct);
        Encoding.ASCII.GetString(reply, 0, read).ShouldStartWith("-NOAUTH");
    }

    [Fact]
    public void SecretsAndDataInTheStateFolderArePrivateToTheUserRunningFluxCaption()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        const UnixFileMode ownerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        const UnixFileMode ownerOnlyFolder = ownerOnlyFile | UnixFileMode.UserExecute;
        foreach (var file in new[] { "env", "postgres-password", "redis-password", "redis.conf" })
        {
            File.GetUnixFileMode(Path.Combine(system.StateDirectory, file)).ShouldBe(ownerOnlyFile, file);
        }

        foreach (var folder in new[] { "redis", "tmp" })
        {
            File.GetUnixFileMode(Path.Combine(system.StateDirectory, folder)).ShouldBe(ownerOnlyFolder, folder);
        }

        // Others may at most pass through (as root, for the 'postgres' user), never list or read.
        var state = File.GetUnixFileMode(system.StateDirectory);
        (state & (UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)).ShouldBe(UnixFileMode.None);
    }

    [Fact]
    public async Task ThePullModelCommandPullsTheConfiguredModelIntoTheLlmServer()
    {
        var result = await system.ExecuteCommandAsync("llm", "pull-model", Ct);

        result.Success.ShouldBeTrue(result.Message);
        system.Ollama.Requests.ShouldContain(r => r.Path == "/api/pull" && r.Body.Contains(system.Ollama.Model, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AWorkerStoppedByTheOrchestratorMidJobAndStartedAgainLosesNoJobAndDuplicatesNoCue()
    {
        using var api = system.CreateApiClient();
        system.Ollama.Latency = TimeSpan.FromMilliseconds(1500);
        try
        {
            var source = ScenesSrt(scenes: 30, cuesPerScene: 4);
            var id = await UploadAsync(api, TranslateUploads.Form(TranslateUploads.Utf8(source), "long.en.srt", targetLanguage: "fr", engine: "ollama"));
            await WaitForAsync(api, id, job => job.GetProperty("progress").GetDouble() > 0, TimeSpan.FromMinutes(2));

            var stopped = await system.ExecuteCommandAsync("worker", KnownResourceCommands.StopCommand, Ct);
            stopped.Success.ShouldBeTrue(stopped.Message);
            await system.App.ResourceNotifications.WaitForResourceAsync("worker", KnownResourceStates.TerminalStates, Ct);
            var handedBack = await GetJobAsync(api, id);
            handedBack.GetProperty("status").GetString().ShouldBeOneOf(["queued", "succeeded"], handedBack.ToString());

            var started = await system.ExecuteCommandAsync("worker", KnownResourceCommands.StartCommand, Ct);
            started.Success.ShouldBeTrue(started.Message);
            var job = await WaitUntilFinishedAsync(api, id, TimeSpan.FromMinutes(3));

            job.GetProperty("status").GetString().ShouldBe("succeeded", job.ToString());
            using var result = await api.GetAsync($"/api/jobs/{id}/result", Ct);
            var document = SubtitleFile.Load(await result.Content.ReadAsByteArrayAsync(Ct), "long.fr.srt");
            var expected = SubtitleFile.Load(Encoding.UTF8.GetBytes(source), "long.en.srt").Cues.Select(c => "[fr] " + c.Text);
            // Long lines come back wrapped for the screen; the words are what must match.
            document.Cues.Select(c => c.Text.Replace('\n', ' ')).ShouldBe(expected, "every cue translated once, in order, none twice");
        }
        finally
        {
            system.Ollama.Latency = TimeSpan.Zero;
        }
    }

    private static Task<Guid> UploadAsync(HttpClient api, MultipartFormDataContent form) => AspireJobs.UploadAsync(api, form, Ct);

    private static Task<JsonElement> GetJobAsync(HttpClient api, Guid id) => AspireJobs.GetAsync(api, id, Ct);

    private static Task<JsonElement> WaitUntilFinishedAsync(HttpClient api, Guid id, TimeSpan timeout) => AspireJobs.WaitUntilFinishedAsync(api, id, timeout, Ct);

    private static Task<JsonElement> WaitForAsync(HttpClient api, Guid id, Func<JsonElement, bool> done, TimeSpan timeout) => AspireJobs.WaitForAsync(api, id, done, timeout, Ct);

    // Scenes 10 s apart so the planner cuts one batch per scene: the job needs several requests.
    private static string ScenesSrt(int scenes, int cuesPerScene)
    {
        var text = new StringBuilder();
        var number = 0;
        for (var scene = 0; scene < scenes; scene++)
        {
            for (var cue = 0; cue < cuesPerScene; cue++)
            {
                var start = TimeSpan.FromSeconds(scene * 30 + cue * 3);
                text.Append(CultureInfo.InvariantCulture, $"{++number}\n{start:hh\\:mm\\:ss\\,fff} --> {start + TimeSpan.FromSeconds(2):hh\\:mm\\:ss\\,fff}\nScene {scene + 1}, line {cue + 1}: the boat leaves at dawn.\n\n");
            }
        }

        return text.ToString();
    }
}
