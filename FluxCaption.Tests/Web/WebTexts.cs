using FluxCaption.Web.Localization;
using FluxCaption.Web.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace FluxCaption.Tests.Web;

/// <summary>The Web app's own localized word helpers, outside a page (read in the current UI culture).</summary>
internal static class WebTexts
{
    private static readonly ServiceProvider Services = new ServiceCollection().AddLogging().AddWebLocalization().BuildServiceProvider();

    public static JobWords JobWords() => new(Services.GetRequiredService<IStringLocalizer<JobWords>>());
}
