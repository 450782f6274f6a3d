using FluxCaption.Tests.Api;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Web.Services;

namespace FluxCaption.Tests.Web;

/// <summary>The translate page's bilingual and proofread switches, as its Api client sends them to the real Api.</summary>
public sealed class TranslateSwitchesTests(PostgresServer postgres, RedisServer redis)
{
    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public async Task TheSwitchesTheUserTurnsOnAreTheOnesTheJobShows(bool bilingual, bool proofread)
    {
        await using var api = await ApiFactory.CreateAsync(postgres, redis);
        using var http = api.CreateAuthorizedClient();
        var client = new FluxCaptionApiClient(http);
        await using var content = new MemoryStream(TranslateUploads.Utf8(TranslateUploads.ThreeCueSrt));

        var job = await client.CreateTranslationJobAsync(
            new TranslationUpload(content, "movie.en.srt", "es", null, "apertium", null, null) { Bilingual = bilingual, Proofread = proofread },
            TestContext.Current.CancellationToken);

        (job.Bilingual, job.Proofread).ShouldBe((bilingual, proofread));
        var fetched = await client.GetJobAsync(job.Id, TestContext.Current.CancellationToken);
        (fetched.Bilingual, fetched.Proofread).ShouldBe((bilingual, proofread));
    }
}
