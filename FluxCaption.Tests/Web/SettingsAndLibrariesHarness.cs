using Bunit;
using FluxCaption.Tests.Api;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Web.Localization;
using FluxCaption.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace FluxCaption.Tests.Web;

/// <summary>
/// bUnit for the Settings and Libraries pages: the page rendered with MudBlazor's providers (dialogs
/// and popovers) and a <see cref="FluxCaptionApiClient"/> talking to the real Api in-process.
/// </summary>
internal sealed class SettingsAndLibrariesHarness : IAsyncDisposable
{
    private readonly ApiFactory _api;
    private readonly HttpClient _http;

    private SettingsAndLibrariesHarness(ApiFactory api)
    {
        _api = api;
        _http = api.CreateAuthorizedClient();
        Client = new FluxCaptionApiClient(_http);
        Bunit = new BunitContext();
        Bunit.Services.AddMudServices();
        Bunit.Services.AddWebLocalization();
        Bunit.Services.AddSingleton(Client);
        Bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        Bunit.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public FluxCaptionApiClient Client { get; }

    public BunitContext Bunit { get; }

    /// <summary>An HttpClient without the API key (for the webhook, which takes its secret instead).</summary>
    public HttpClient CreateAnonymousClient() => _api.CreateClient();

    public static async Task<SettingsAndLibrariesHarness> StartAsync(PostgresServer postgres, RedisServer redis) =>
        new(await ApiFactory.CreateAsync(postgres, redis));

    /// <summary>The page inside the providers MainLayout gives it, so its dialogs show up in the same markup.</summary>
    public IRenderedComponent<IComponent> Render<TPage>()
        where TPage : IComponent =>
        Bunit.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<TPage>(2);
            builder.CloseComponent();
        });

    public async ValueTask DisposeAsync()
    {
        await Bunit.DisposeAsync();
        _http.Dispose();
        await _api.DisposeAsync();
    }
}

/// <summary>
/// What a user does, done on the renderer's thread: finding an element and firing its event in one step,
/// so a re-render by a poll or an Api answer in between cannot leave the event pointing at an old tree.
/// </summary>
internal static class SettingsAndLibrariesActions
{
    public static Task ClickOnAsync(this IRenderedComponent<IComponent> page, string selector) =>
        page.InvokeAsync(() => page.Find(selector).Click());

    public static Task ChangeToAsync<T>(this IRenderedComponent<IComponent> page, string selector, T value) =>
        page.InvokeAsync(() => page.Find(selector).Change(value));
}
