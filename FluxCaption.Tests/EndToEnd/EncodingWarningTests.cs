using System.Text;
using FluxCaption.Tests.Api;
using FluxCaption.Tests.Infrastructure;

namespace FluxCaption.Tests.EndToEnd;

/// <summary>An upload that is not Unicode is read in a guessed encoding, and the job says so until its result.</summary>
public sealed class EncodingWarningTests(PostgresServer postgres, RedisServer redis)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ALegacyEncodedUploadIsTranslatedAndItsJobWarnsWhichEncodingWasGuessed()
    {
        await using var system = await RunningSystem.StartAsync(postgres, redis);
        // "café" and "déjà" in Windows-1252: bytes that are not valid UTF-8.
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1252)!
            .GetBytes("1\r\n00:00:01,000 --> 00:00:02,000\r\nThe house is red, café déjà.\r\n");

        var id = await system.UploadAsync(TranslateUploads.Form(bytes, "film.en.srt", targetLanguage: "es", engine: "apertium"), Ct);
        var job = await system.WaitUntilFinishedAsync(id, TimeSpan.FromMinutes(2), Ct);

        job.GetProperty("status").GetString().ShouldBe("succeeded", job.ToString());
        var warning = job.GetProperty("warnings").EnumerateArray().ShouldHaveSingleItem(job.ToString());
        warning.GetProperty("code").GetString().ShouldBe("encoding_guessed");
        // The detector names the Latin-1 family member it settled on; both read these bytes the same.
        warning.GetProperty("message").GetString()!.ShouldMatch("read as (iso-8859-1|windows-1252)");
        var (result, _) = await system.DownloadAsync(id, Ct);
        result.Cues.ShouldHaveSingleItem().Text.ShouldContain("déjà", Case.Sensitive, "the accented letters were read right");
    }

    [Fact]
    public async Task AUtf8UploadHasNoEncodingWarning()
    {
        await using var system = await RunningSystem.StartAsync(postgres, redis);

        var id = await system.UploadAsync(
            TranslateUploads.Form(Encoding.UTF8.GetBytes("1\n00:00:01,000 --> 00:00:02,000\nThe house is red, café.\n"), "film.en.srt", targetLanguage: "es", engine: "apertium"), Ct);
        var job = await system.WaitUntilFinishedAsync(id, TimeSpan.FromMinutes(2), Ct);

        job.GetProperty("status").GetString().ShouldBe("succeeded", job.ToString());
        job.GetProperty("warnings").EnumerateArray().ShouldBeEmpty();
    }
}
