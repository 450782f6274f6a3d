using System.Globalization;
using FluxCaption.Web.Localization;
using FluxCaption.Web.Services;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Web.Localization;

/// <summary>The Api's English field errors, shown in the reader's language where the Web app knows the message.</summary>
public sealed class ApiFieldErrorsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddLogging().AddWebLocalization().BuildServiceProvider();

    public void Dispose() => _services.Dispose();

    private ApiFieldErrors FieldErrors => _services.GetRequiredService<ApiFieldErrors>();

    [Fact]
    public void EveryApiMessageTheWebAppKnowsReadsInChinese()
    {
        using var chinese = new ChineseCulture();
        var untranslated = ApiFieldErrors.Known
            .Select(key => (Key: key, Sample: key.Replace("{0}", "x0", StringComparison.Ordinal).Replace("{1}", "11", StringComparison.Ordinal).Replace("{2}", "22", StringComparison.Ordinal)))
            .Where(known => !FieldErrors.Translate(known.Sample).Any(c => c is >= '\u4e00' and <= '\u9fff'))
            .Select(known => known.Key)
            .ToList();

        untranslated.ShouldBeEmpty("each needs a Chinese text in Resources/Services/ApiFieldErrors.zh-CN.resx");
    }

    [Fact]
    public void TheVaryingPartOfAKnownMessageIsKeptInItsTranslation()
    {
        using var chinese = new ChineseCulture();

        FieldErrors.Translate("'ftp://media' is not an absolute http or https URL.").ShouldBe("“ftp://media”不是完整的 http 或 https 地址。");
        FieldErrors.Translate("source is 301 characters; the limit is 300.").ShouldBe("长度为 301 个字符，上限为 300。");
    }

    [Fact]
    public void AMessageTheWebAppDoesNotKnowIsShownAsTheApiWroteIt()
    {
        using var chinese = new ChineseCulture();

        FieldErrors.Translate("The translation must not be empty.").ShouldBe("The translation must not be empty.");
    }

    [Fact]
    public void InEnglishTheApisMessageIsShownUnchanged()
    {
        CultureInfo.CurrentUICulture.Name.ShouldNotBe(WebCultures.SimplifiedChinese);

        FieldErrors.Translate("'klingon=en' is not of the form 'covering=covered' with two known languages (e.g. 'zh-Hant=zh-Hans').")
            .ShouldBe("'klingon=en' is not of the form 'covering=covered' with two known languages (e.g. 'zh-Hant=zh-Hans').");
    }

    [Fact]
    public void AFieldsMessagesAreTakenByTheApisNameForTheField()
    {
        using var chinese = new ChineseCulture();
        var problem = new ApiProblemException(400, "The Jellyfin settings are not valid.", null, new Dictionary<string, string[]>
        {
            ["url"] = ["url is required (e.g. http://jellyfin:8096)."],
            ["apiKey"] = ["apiKey is required: no key is stored yet."],
        });

        FieldErrors.Of(problem, "apiKey").ShouldBe("必须填写 API 密钥：尚未保存密钥。");
        FieldErrors.Of(problem, "model").ShouldBeNull();
        FieldErrors.Messages(problem).ShouldContain("url: 必须填写 URL（例如 http://jellyfin:8096）。");
    }
}
