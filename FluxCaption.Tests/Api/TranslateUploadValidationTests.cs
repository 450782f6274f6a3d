using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluxCaption.Tests.Infrastructure;

namespace FluxCaption.Tests.Api;

/// <summary>What a client sees when it uploads something FluxCaption cannot or will not translate.</summary>
public sealed class TranslateUploadValidationTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ApiFactory _factory = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await ApiFactory.CreateAsync(postgres, redis);
        _client = _factory.CreateAuthorizedClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task UploadingWithoutAFileReturnsProblemDetailsNamingTheFileField()
    {
        var problem = await PostExpectingProblem(TranslateUploads.Form(file: null), HttpStatusCode.BadRequest);
        ErrorsOf(problem).ShouldContainKey("file");
    }

    [Fact]
    public async Task UploadingAnEmptyFileReturnsProblemDetailsSayingItIsEmpty()
    {
        var problem = await PostExpectingProblem(TranslateUploads.Form([]), HttpStatusCode.BadRequest);
        ErrorsOf(problem)["file"].ShouldContain(message => message.Contains("empty"));
    }

    [Fact]
    public async Task UploadingBinaryBytesReturnsProblemDetailsSayingTheFileIsNotText()
    {
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0, 0x5C, 0x72, 0xA8, 0x66 };
        var problem = await PostExpectingProblem(TranslateUploads.Form(png, "cover.srt", sourceLanguage: "en"), HttpStatusCode.BadRequest);
        ErrorsOf(problem)["file"].ShouldHaveSingleItem().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task UploadingTextThatIsNoSubtitleReturnsProblemDetailsExplainingWhy()
    {
        var text = TranslateUploads.Utf8("Dear diary,\nToday nothing happened.\n");
        var problem = await PostExpectingProblem(TranslateUploads.Form(text, "notes.srt", sourceLanguage: "en"), HttpStatusCode.BadRequest);
        ErrorsOf(problem)["file"].ShouldHaveSingleItem().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task AnUnknownTargetLanguageIsRejectedByName()
    {
        var form = TranslateUploads.Form(TranslateUploads.Utf8(TranslateUploads.ThreeCueSrt), targetLanguage: "klingonese");
        var problem = await PostExpectingProblem(form, HttpStatusCode.BadRequest);
        ErrorsOf(problem)["targetLanguage"].ShouldHaveSingleItem().ShouldContain("klingonese");
    }

    [Fact]
    public async Task AMissingTargetLanguageIsRejected()
    {
        var form = TranslateUploads.Form(TranslateUploads.Utf8(TranslateUploads.ThreeCueSrt), targetLanguage: null);
        var problem = await PostExpectingProblem(form, HttpStatusCode.BadRequest);
        ErrorsOf(problem).ShouldContainKey("targetLanguage");
    }

    [Fact]
    public async Task AnEngineThisInstallationDoesNotHaveIsRejectedWithTheAvailableOnes()
    {
        var form = TranslateUploads.Form(TranslateUploads.Utf8(TranslateUploads.ThreeCueSrt), engine: "babelfish");
        var problem = await PostExpectingProblem(form, HttpStatusCode.BadRequest);
        ErrorsOf(problem)["engine"].ShouldHaveSingleItem().ShouldContain("apertium");
    }

    [Fact]
    public async Task APairApertiumDoesNotHaveIsRejectedBeforeAnyJobExists()
    {
        var form = TranslateUploads.Form(TranslateUploads.Utf8(TranslateUploads.ThreeCueSrt), targetLanguage: "ja");
        var problem = await PostExpectingProblem(form, HttpStatusCode.BadRequest);
        ErrorsOf(problem).ShouldContainKey("engine");

        var jobs = await _client.GetFromJsonAsync<JsonElement>("/api/jobs", Ct);
        jobs.GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task AnUnknownOutputFormatIsRejected()
    {
        var form = TranslateUploads.Form(TranslateUploads.Utf8(TranslateUploads.ThreeCueSrt), outputFormat: "docx");
        var problem = await PostExpectingProblem(form, HttpStatusCode.BadRequest);
        ErrorsOf(problem)["outputFormat"].ShouldHaveSingleItem().ShouldContain("docx");
    }

    [Fact]
    public async Task AFileOverTheUploadLimitGets413ProblemDetails()
    {
        await using var small = await ApiFactory.CreateAsync(postgres, redis, new Dictionary<string, string?> { ["Api:MaxUploadBytes"] = "2048" });
        using var client = small.CreateAuthorizedClient();
        var big = TranslateUploads.Utf8(string.Concat(Enumerable.Repeat(TranslateUploads.ThreeCueSrt + "\n", 40)));

        using var response = await client.PostAsync("/api/jobs/translate", TranslateUploads.Form(big), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("detail").GetString()!.ShouldContain("2048 bytes (Api:MaxUploadBytes)");
        problem.GetProperty("limit").GetInt64().ShouldBe(2048);
    }

    [Fact]
    public async Task AModelNameOrFileNameOverItsColumnIsRefusedByNameBeforeTheDatabase()
    {
        var text = TranslateUploads.Utf8(TranslateUploads.ThreeCueSrt);

        var model = await PostExpectingProblem(TranslateUploads.Form(text, model: new string('m', 201)), HttpStatusCode.BadRequest);
        ErrorsOf(model)["model"].ShouldHaveSingleItem().ShouldContain("200 characters");
        var name = await PostExpectingProblem(TranslateUploads.Form(text, new string('f', 497) + ".en.srt"), HttpStatusCode.BadRequest);
        ErrorsOf(name)["file"].ShouldHaveSingleItem().ShouldContain("500 characters");
    }

    [Fact]
    public async Task ABadSourceLanguageIsReportedAsABadLanguage()
    {
        var problem = await PostExpectingProblem(
            TranslateUploads.Form(TranslateUploads.Utf8(TranslateUploads.ThreeCueSrt), "movie.srt", sourceLanguage: "klingonese"), HttpStatusCode.BadRequest);

        var message = ErrorsOf(problem)["sourceLanguage"].ShouldHaveSingleItem();
        message.ShouldContain("klingonese");
        message.ShouldNotContain("name the file");
    }

    [Fact]
    public async Task ASecondFilePartIsRefusedNotIgnored()
    {
        using var form = TranslateUploads.Form(TranslateUploads.Utf8(TranslateUploads.ThreeCueSrt));
        form.Add(new ByteArrayContent(TranslateUploads.Utf8(TranslateUploads.ThreeCueSrt)), "file", "other.en.srt");

        var problem = await PostExpectingProblem(form, HttpStatusCode.BadRequest);
        ErrorsOf(problem)["file"].ShouldHaveSingleItem().ShouldContain("one file");
    }

    [Fact]
    public async Task AFileWithMoreCuesThanTheLimitIsRefusedNamingTheSetting()
    {
        await using var small = await ApiFactory.CreateAsync(postgres, redis, new Dictionary<string, string?> { ["Api:MaxCuesPerFile"] = "5" });
        using var client = small.CreateAuthorizedClient();
        var cues = string.Concat(Enumerable.Range(1, 6).Select(i => $"{i}\n00:00:0{i},000 --> 00:00:0{i},500\nLine {i}\n\n"));

        using var response = await client.PostAsync("/api/jobs/translate", TranslateUploads.Form(TranslateUploads.Utf8(cues)), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var message = ErrorsOf(await response.Content.ReadFromJsonAsync<JsonElement>(Ct))["file"].ShouldHaveSingleItem();
        message.ShouldContain("6 cues");
        message.ShouldContain("Api:MaxCuesPerFile");
    }

    [Fact]
    public async Task AnAssFileWithMoreStylesThanTheLimitIsRefusedNamingTheSetting()
    {
        await using var small = await ApiFactory.CreateAsync(postgres, redis, new Dictionary<string, string?> { ["Api:MaxStylesPerFile"] = "2" });
        using var client = small.CreateAuthorizedClient();
        var styles = string.Concat(Enumerable.Range(1, 3).Select(i => $"Style: S{i},Arial,20,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,2,2,2,10,10,10,1\n"));
        var ass = "[Script Info]\nScriptType: v4.00+\n\n[V4+ Styles]\n"
            + "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\n"
            + styles + "\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
            + "Dialogue: 0,0:00:01.00,0:00:02.00,S1,,0,0,0,,Hello.\n";

        using var response = await client.PostAsync("/api/jobs/translate", TranslateUploads.Form(TranslateUploads.Utf8(ass), fileName: "movie.en.ass"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var message = ErrorsOf(await response.Content.ReadFromJsonAsync<JsonElement>(Ct))["file"].ShouldHaveSingleItem();
        message.ShouldContain("3 styles");
        message.ShouldContain("Api:MaxStylesPerFile");
    }

    [Fact]
    public async Task ACueWithALineLongerThanTheLimitIsRefusedNamingTheCueAndTheSetting()
    {
        await using var small = await ApiFactory.CreateAsync(postgres, redis, new Dictionary<string, string?> { ["Api:MaxLineLength"] = "50" });
        using var client = small.CreateAuthorizedClient();
        var srt = $"1\n00:00:01,000 --> 00:00:02,000\nShort.\n\n2\n00:00:03,000 --> 00:00:04,000\nFine.\n{new string('a', 51)}\n\n";

        using var response = await client.PostAsync("/api/jobs/translate", TranslateUploads.Form(TranslateUploads.Utf8(srt)), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var message = ErrorsOf(await response.Content.ReadFromJsonAsync<JsonElement>(Ct))["file"].ShouldHaveSingleItem();
        message.ShouldContain("Cue 2 has a line of 51 characters");
        message.ShouldContain("Api:MaxLineLength");
    }

    private async Task<JsonElement> PostExpectingProblem(MultipartFormDataContent form, HttpStatusCode expected)
    {
        using var response = await _client.PostAsync("/api/jobs/translate", form, Ct);
        response.StatusCode.ShouldBe(expected);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static Dictionary<string, string[]> ErrorsOf(JsonElement problem) =>
        problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
}
