using Bunit;
using FluxCaption.Web.Components.Layout;
using FluxCaption.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace FluxCaption.Tests.Web;

/// <summary>The app bar's links to the API reference and the Aspire dashboard, as the AppHost configures them.</summary>
public sealed class ExternalLinksTests
{
    [Fact]
    public async Task TheAppBarLinksToTheApiReferenceAndTheDashboardWhenBothAreConfigured()
    {
        await using var context = Context(new LinksOptions
        {
            ApiUrl = "http://localhost:5180/",
            DashboardUrl = "https://localhost:17060/login?t=secret-token",
        });

        var layout = Render(context);

        var reference = layout.Find("[data-testid=link-api-reference]");
        reference.GetAttribute("href").ShouldBe("http://localhost:5180/scalar");
        reference.TextContent.ShouldContain("API reference");
        reference.GetAttribute("target").ShouldBe("_blank");
        var dashboard = layout.Find("[data-testid=link-dashboard]");
        dashboard.GetAttribute("href").ShouldBe("https://localhost:17060/login", "the login token never goes into a page");
        dashboard.TextContent.ShouldContain("Dashboard");
    }

    [Fact]
    public async Task WithoutConfiguredLinksTheAppBarShowsNeither()
    {
        await using var context = Context(new LinksOptions());

        var layout = Render(context);

        layout.FindAll("[data-testid=link-api-reference]").ShouldBeEmpty();
        layout.FindAll("[data-testid=link-dashboard]").ShouldBeEmpty();
        layout.Markup.ShouldContain("FluxCaption");
    }

    [Fact]
    public async Task OnlyTheDashboardIsShownWhenOnlyItIsConfigured()
    {
        await using var context = Context(new LinksOptions { DashboardUrl = "http://dashboard.example:18888" });

        var layout = Render(context);

        layout.FindAll("[data-testid=link-api-reference]").ShouldBeEmpty();
        layout.Find("[data-testid=link-dashboard]").GetAttribute("href").ShouldBe("http://dashboard.example:18888/");
    }

    [Theory]
    [InlineData("Links:ApiUrl", "localhost:5180")]
    [InlineData("Links:DashboardUrl", "/dashboard")]
    [InlineData("Links:WebUrl", "ftp://files.example/")]
    public void AServiceRefusesToStartWithALinkThatIsNotAnAbsoluteHttpUrl(string key, string value)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value });
        builder.AddFluxCaptionLinks();
        using var host = builder.Build();

        var failure = Should.Throw<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<LinksOptions>>().Value);

        failure.Message.ShouldContain($"{key} must be an absolute http or https URL");
    }

    private static BunitContext Context(LinksOptions links)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddWebLocalization();
        context.Services.AddSingleton(Options.Create(links));
        return context;
    }

    private static IRenderedComponent<MainLayout> Render(BunitContext context) =>
        context.Render<MainLayout>(parameters => parameters.Add(layout => layout.Body, (RenderFragment)(_ => { })));
}
