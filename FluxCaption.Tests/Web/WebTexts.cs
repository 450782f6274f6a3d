using System.Globalization;
using FluxCaption.Web.Localization;
using FluxCaption.Web.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace FluxCaption.Tests.Web;

/// <summary>The Web app's own localizers (its real resources) for classes tested outside a page, and a culture switch.</summary>
internal static class WebTexts
{
    private static readonly ServiceProvider Services = new ServiceCollection().AddLogging().AddWebLocalization().BuildServiceProvider();

    public static IStringLocalizer<T> For<T>() => Services.GetRequiredService<IStringLocalizer<T>>();

    /// <summary>The job word helper, read in the current UI culture.</summary>
    public static JobWords JobWords() => new(For<JobWords>());

    /// <summary>Reads texts and formats in <paramref name="name"/> until disposed.</summary>
    public static IDisposable InCulture(string name)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
        return new Restore(() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture));
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
