using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluxCaption.Tests.Api;
using FluxCaption.Tests.EndToEnd;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.TestServers;

namespace FluxCaption.Tests.Subtitles.Bilingual;

/// <summary>The bilingual and proofread options from the upload form to the downloaded file.</summary>
public sealed class BilingualJobThroughTheApiTests(PostgresServer postgres, RedisServer redis)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ABilingualProofreadOllamaJobReturnsEachProofreadLineAboveItsSource()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Ct);
        await using var system = await RunningSystem.StartAsync(postgres, redis, ollama.ConnectionString);
        var form = TranslateUploads.Form(TranslateUploads.Utf8(TranslateUploads.ThreeCueSrt), "movie.en.srt", targetLanguage: "fr", engine: "ollama");
        form.Add(new StringContent("true"), "bilingual");
        form.Add(new StringContent("on"), "proofread");

        var id = await system.UploadAsync(form, Ct);
        var job = await system.WaitUntilFinishedAsync(id, TimeSpan.FromMinutes(2), Ct);

        job.GetProperty("status").GetString().ShouldBe("succeeded", job.ToString());
        job.GetProperty("bilingual").GetBoolean().ShouldBeTrue();
        job.GetProperty("proofread").GetBoolean().ShouldBeTrue();
        job.GetProperty("warnings").GetArrayLength().ShouldBe(0);
        ollama.ChatRequests.Count.ShouldBe(2, "one translation request and one proofreading request for the one scene");
        var (result, _) = await system.DownloadAsync(id, Ct);
        result.Cues.Select(c => c.Text).ShouldBe([
            "[fr] [fr] The house is red.\nThe house is red.",
            "[fr] [fr] <i>Where is the dog?</i>\n<i>Where is the dog?</i>",
            "[fr] [fr] I have two cats\nand a small garden.\nI have two cats\nand a small garden.",
        ]);
        result.Cues.Select(c => (c.Start, c.End)).ShouldBe([
            (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3.5)),
            (TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(6.25)),
            (TimeSpan.FromSeconds(7.1), TimeSpan.FromSeconds(9.9)),
        ]);
    }

    [Fact]
    public async Task AskingApertiumToProofreadDeliversTheTranslationWithAWarningTheApiShows()
    {
        await using var system = await RunningSystem.StartAsync(postgres, redis);
        var form = TranslateUploads.Form(TranslateUploads.Utf8(TranslateUploads.ThreeCueSrt), "movie.en.srt", targetLanguage: "es", engine: "apertium");
        form.Add(new StringContent("true"), "proofread");

        var id = await system.UploadAsync(form, Ct);
        var job = await system.WaitUntilFinishedAsync(id, TimeSpan.FromMinutes(2), Ct);

        job.GetProperty("status").GetString().ShouldBe("succeeded", job.ToString());
        job.GetProperty("bilingual").GetBoolean().ShouldBeFalse();
        var warning = job.GetProperty("warnings").EnumerateArray().ShouldHaveSingleItem();
        warning.GetProperty("code").GetString().ShouldBe("proofread_skipped");
        warning.GetProperty("cueIndex").ValueKind.ShouldBe(JsonValueKind.Null);
        warning.GetProperty("message").GetString().ShouldNotBeNull().ShouldContain("apertium");
        var (result, _) = await system.DownloadAsync(id, Ct);
        result.Cues[0].Text.ShouldBe("La casa es roja.");
    }

    [Theory]
    [InlineData("bilingual", "maybe")]
    [InlineData("proofread", "2")]
    public async Task ASwitchThatIsNotYesOrNoIsRejectedByName(string field, string value)
    {
        await using var api = await ApiFactory.CreateAsync(postgres, redis);
        using var client = api.CreateAuthorizedClient();
        var form = TranslateUploads.Form(TranslateUploads.Utf8(TranslateUploads.ThreeCueSrt));
        form.Add(new StringContent(value), field);

        using var response = await client.PostAsync("/api/jobs/translate", form, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("errors").GetProperty(field)[0].GetString().ShouldNotBeNull().ShouldContain(value);
    }

    [Fact]
    public async Task AJobWithoutTheSwitchesIsNeitherBilingualNorProofread()
    {
        await using var api = await ApiFactory.CreateAsync(postgres, redis);
        using var client = api.CreateAuthorizedClient();

        using var response = await client.PostAsync("/api/jobs/translate", TranslateUploads.Form(TranslateUploads.Utf8(TranslateUploads.ThreeCueSrt)), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var job = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        (job.GetProperty("bilingual").GetBoolean(), job.GetProperty("proofread").GetBoolean()).ShouldBe((false, false));
    }
}
