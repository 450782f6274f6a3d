using System.Globalization;
using FluxCaption.Web.Localization;

namespace FluxCaption.Tests.Web.Localization;

/// <summary>Runs the rest of a test as a reader who chose Simplified Chinese (formats and texts), restoring the culture after.</summary>
internal sealed class ChineseCulture : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public ChineseCulture()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = WebCultures.Culture(WebCultures.SimplifiedChinese);
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
