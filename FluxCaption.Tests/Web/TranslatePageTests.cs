using Bunit;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Web.Components.Pages.Translate;
using Microsoft.AspNetCore.Components.Forms;

namespace FluxCaption.Tests.Web;

/// <summary>The translate page's own checks, rendered with bUnit against the real Api.</summary>
public sealed class TranslatePageTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private ItemsWebPageHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await ItemsWebPageHost.StartAsync(postgres, redis);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void AFileOverTheLimitIsRefusedOnChoosingWithTheLimitInPlainWords()
    {
        var page = _host.Open<TranslatePage>("http://localhost/translate");
        page.WaitForAssertion(() => page.Markup.ShouldContain("at most 20 MB"), ItemsWebPageHost.Patience);

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[25 * 1024 * 1024], "film.en.srt"));

        page.WaitForAssertion(() => page.Find("[data-testid=problem]").TextContent.ShouldBe(
            "\"film.en.srt\" is 25 MB; this server accepts subtitle files of at most 20 MB. Choose a smaller file (a subtitle file is rarely over 1 MB)."),
            ItemsWebPageHost.Patience);
        page.FindAll("[data-testid=chosen-file]").ShouldBeEmpty();
        page.Find("[data-testid=submit]").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public void InChineseTheLimitIsSaidInChinese()
    {
        using var _ = WebTexts.InCulture("zh-CN");
        var page = _host.Open<TranslatePage>("http://localhost/translate");
        page.WaitForAssertion(() => page.Find("[data-testid=translate-form]"), ItemsWebPageHost.Patience);

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[25 * 1024 * 1024], "film.en.srt"));

        page.WaitForAssertion(() => page.Find("[data-testid=problem]").TextContent.ShouldStartWith("“film.en.srt”大小为 25 MB；本服务器接受的字幕文件最大为 20 MB。"),
            ItemsWebPageHost.Patience);
        page.Markup.ShouldContain("翻译字幕文件");
    }
}
