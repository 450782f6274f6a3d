using System.Globalization;

namespace FluxCaption.Web.Localization;

/// <summary>
/// The languages the Web app speaks. English is the neutral language: every text in the code is the
/// English text and the key of its translation, so a missing translation shows English, never a key.
/// </summary>
public static class WebCultures
{
    public const string English = "en";

    public const string SimplifiedChinese = "zh-CN";

    public static readonly IReadOnlyList<string> Supported = [English, SimplifiedChinese];

    /// <summary>
    /// The supported culture a browser language tag stands for: any Chinese tag that is not Traditional
    /// (zh, zh-Hans, zh-CN, zh-SG) reads Simplified Chinese, any English tag reads English.
    /// </summary>
    public static string? Match(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var name = tag.Trim();
        if (name.Equals("zh", StringComparison.OrdinalIgnoreCase) || name.StartsWith("zh-", StringComparison.OrdinalIgnoreCase))
        {
            var traditional = name.Contains("hant", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith("-tw", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith("-hk", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith("-mo", StringComparison.OrdinalIgnoreCase);
            return traditional ? null : SimplifiedChinese;
        }

        return name.Equals("en", StringComparison.OrdinalIgnoreCase) || name.StartsWith("en-", StringComparison.OrdinalIgnoreCase)
            ? English
            : null;
    }

    /// <summary>A language's name in that language, as a language menu shows it (a reader finds their own language whatever the page is in).</summary>
    public static string NativeName(string name) =>
        Match(name) == SimplifiedChinese ? "简体中文" : "English";

    public static CultureInfo Culture(string name) => CultureInfo.GetCultureInfo(name);
}
