using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace FluxCaption.Web.Localization;

/// <summary>
/// Reads the browser's Accept-Language in quality order and takes the first language the app speaks.
/// The framework's own provider matches culture names exactly, so "zh-Hans" or "zh" would fall back to
/// English although the reader asked for Chinese.
/// </summary>
public sealed class AcceptLanguageCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var header = httpContext.Request.Headers.AcceptLanguage.ToString();
        if (string.IsNullOrWhiteSpace(header)
            || !StringWithQualityHeaderValue.TryParseList(header.Split(','), out var languages))
        {
            return NullProviderCultureResult;
        }

        var match = languages
            .OrderByDescending(language => language.Quality ?? 1)
            .Select(language => WebCultures.Match(language.Value.Value))
            .FirstOrDefault(culture => culture is not null);
        return match is null ? NullProviderCultureResult : Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(match));
    }
}
