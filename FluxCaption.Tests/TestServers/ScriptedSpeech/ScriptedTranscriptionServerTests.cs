using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace FluxCaption.Tests.TestServers.ScriptedSpeech;

/// <summary>The scripted servers refuse incomplete uploads in each real server's own way; the engines' error handling is only as good as that.</summary>
public sealed class ScriptedTranscriptionServerTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static MultipartFormDataContent FormWithout(string fileField, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(new StringContent("not the file"), fileField + "_other");
        return form;
    }

    [Fact]
    public async Task OpenAiAnswersAMissingFileWithA400ErrorObject()
    {
        await using var server = await ScriptedOpenAiTranscriptionServer.StartAsync(cancellationToken: Cancellation);
        using var client = new HttpClient { BaseAddress = server.Endpoint };

        using var response = await client.PostAsync("v1/audio/transcriptions", FormWithout("file", ("model", "whisper-1")), Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancellation))!["error"]!;
        ((string?)error["type"]).ShouldBe("invalid_request_error");
        ((string?)error["param"]).ShouldBe("file");
    }

    [Fact]
    public async Task WhisperCppAnswersAMissingFileWithAnErrorInA200()
    {
        await using var server = await ScriptedOpenAiTranscriptionServer.StartAsync(OpenAiTranscriptionFlavour.WhisperCpp, Cancellation);
        using var client = new HttpClient { BaseAddress = server.Endpoint };

        using var response = await client.PostAsync("inference", FormWithout("file"), Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Cancellation)).ShouldBe("{\"error\":\"no 'file' field in the request\"}");
    }

    [Fact]
    public async Task WhisperAsrAnswersAMissingFileAndABadFlagWithFastApisValidationErrors()
    {
        await using var server = await ScriptedWhisperAsrServer.StartAsync(cancellationToken: Cancellation);
        using var client = new HttpClient { BaseAddress = server.Endpoint };

        using var response = await client.PostAsync("asr?output=json&encode=maybe", FormWithout("audio_file"), Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var detail = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancellation))!["detail"]!.AsArray();
        detail.Select(d => string.Join(".", d!["loc"]!.AsArray().Select(p => (string?)p))).ShouldBe(["query.encode", "body.audio_file"]);
    }

    [Fact]
    public async Task WhisperAsrAnswersAnUndecodableUploadWithABare500()
    {
        await using var server = await ScriptedWhisperAsrServer.StartAsync(cancellationToken: Cancellation);
        using var client = new HttpClient { BaseAddress = server.Endpoint };
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("definitely not audio"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "audio_file", "noise.bin");

        using var response = await client.PostAsync("asr?output=json", form, Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await response.Content.ReadAsStringAsync(Cancellation)).ShouldBe("Internal Server Error");
    }
}
