using AngleSharp.Dom;
using Bunit;
using Bunit.Rendering;
using FluxCaption.Tests.Api;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Web.Localization;
using FluxCaption.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;

namespace FluxCaption.Tests.Web;

/// <summary>
/// Renders the Web app's library pages with bUnit, talking to the real Api in-process (no fake HTTP):
/// what the page shows is what the Api answered. Shared by the items, rules and jobs page tests.
/// </summary>
internal sealed class ItemsWebPageHost : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http;

    private ItemsWebPageHost(ApiFactory api)
    {
        Api = api;
        _http = api.CreateAuthorizedClient();
        Client = new FluxCaptionApiClient(_http);
        Data = new ItemsTestData(api.DatabaseConnectionString);
        Bunit = new BunitContext();
        Bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        Bunit.Services.AddMudServices();
        Bunit.Services.AddWebLocalization();
        Bunit.Services.AddSingleton(Client);
        // Live pages follow the real Api's event stream, in-process like every other call.
        Bunit.Services.AddHttpClient(JobEventSubscriptions.HttpClientName, client =>
            {
                client.BaseAddress = new Uri("http://localhost/");
                client.DefaultRequestHeaders.Add("X-Api-Key", ApiFactory.TestApiKey);
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(() => api.Server.CreateHandler());
        Bunit.Services.AddScoped<JobEventSubscriptions>();
        // The pages mark themselves interactive (for browsers and scripts); here they run as on a live circuit.
        Bunit.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public ApiFactory Api { get; }

    public FluxCaptionApiClient Client { get; }

    public ItemsTestData Data { get; }

    public BunitContext Bunit { get; }

    public static async Task<ItemsWebPageHost> StartAsync(PostgresServer postgres, RedisServer redis) =>
        new(await ApiFactory.CreateAsync(postgres, redis));

    /// <summary>A host whose Api has <paramref name="overrides"/> configured (an LLM server, for instance).</summary>
    public static async Task<ItemsWebPageHost> StartAsync(PostgresServer postgres, RedisServer redis, IDictionary<string, string?> overrides) =>
        new(await ApiFactory.CreateAsync(postgres, redis, overrides));

    /// <summary>
    /// Opens <paramref name="url"/> (query string included) and renders <typeparamref name="TPage"/> under MudBlazor's
    /// providers; the whole tree is returned so that dialogs (rendered by the provider) can be found too.
    /// </summary>
    public IRenderedComponent<ContainerFragment> Open<TPage>(string url, IReadOnlyDictionary<string, object?>? parameters = null)
        where TPage : IComponent
    {
        Bunit.Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return Bunit.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<TPage>(2);
            foreach (var (name, value) in parameters ?? new Dictionary<string, object?>())
            {
                builder.AddAttribute(3, name, value);
            }

            builder.CloseComponent();
        });
    }

    /// <summary>The input of the field marked <paramref name="testId"/> (MudBlazor puts the attribute on the input or around it).</summary>
    public static IElement Input(IRenderedComponent<ContainerFragment> page, string testId) => InputOf(page.Find($"[data-testid={testId}]"));

    public static IElement InputOf(IElement marked) =>
        marked.TagName == "INPUT" || marked.TagName == "TEXTAREA" ? marked : marked.QuerySelector("input, textarea")!;

    public async ValueTask DisposeAsync()
    {
        await Bunit.DisposeAsync();
        _http.Dispose();
        await Api.DisposeAsync();
    }
}
