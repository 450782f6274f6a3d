using FluxCaption.Contracts.Dashboard;
using FluxCaption.Contracts.Jobs;
using FluxCaption.Web.Components.Dashboard;
using FluxCaption.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FluxCaption.Web.Components.Pages.Dashboard;

/// <summary>
/// The home page. Its figures come from one Api call; live job events move the progress bars of the
/// running jobs in place, and any other change (a job starting, ending, failing) reads the figures again,
/// at most once per <see cref="RefreshDelay"/> however many jobs change meanwhile.
/// </summary>
public sealed partial class DashboardPage : IDisposable
{
    internal static readonly TimeSpan RefreshDelay = TimeSpan.FromSeconds(2);
    private static readonly int[] DayChoices = [7, 14, 30, 90];

    private readonly CancellationTokenSource _stop = new();
    private DashboardResponse? _dashboard;
    private List<LiveRunningJob> _running = [];
    private List<string> _problems = [];
    private IDisposable? _subscription;
    private int _days = 14;
    private bool _refreshPending;

    [Inject]
    private FluxCaptionApiClient Api { get; set; } = null!;

    [Inject]
    private JobEventSubscriptions Subscriptions { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private IStringLocalizer<DashboardPage> L { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "days")]
    public int? Days { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _days = Days is { } days && DayChoices.Contains(days) ? days : 14;
        await LoadAsync();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        // Only a live circuit follows events; the prerendered page would leave a stream open for nothing.
        if (firstRender && RendererInfo.IsInteractive)
        {
            _subscription = Subscriptions.SubscribeAll(OnJobChangedAsync);
        }
    }

    private async Task LoadAsync()
    {
        try
        {
            _dashboard = await Api.GetDashboardAsync(_days, _stop.Token);
            _running = [.. _dashboard.Running.Select(job => new LiveRunningJob(job))];
            _problems = [];
        }
        catch (ApiProblemException ex)
        {
            _problems = [.. ex.Messages];
        }
        catch (HttpRequestException ex)
        {
            _problems = [L["The FluxCaption Api cannot be reached: {0}", ex.Message]];
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The page is gone.
        }
    }

    // Events arrive on the subscription's own thread: the page's state is only touched on the renderer's.
    private Task OnJobChangedAsync(JobChange change) => InvokeAsync(() =>
    {
        if (change.IsProgress && _running.FirstOrDefault(job => job.Id == change.Job.Id) is { } running)
        {
            running.Apply(change.Job);
            StateHasChanged();
            return;
        }

        // Anything else changes the counts: one read of the figures after the burst, not one per event.
        if (!_refreshPending)
        {
            _refreshPending = true;
            _ = RefreshSoonAsync();
        }
    });

    private async Task RefreshSoonAsync()
    {
        try
        {
            await Task.Delay(RefreshDelay, _stop.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await InvokeAsync(async () =>
        {
            _refreshPending = false;
            await LoadAsync();
            StateHasChanged();
        });
    }

    private void DaysChanged(int days) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("days", days == 14 ? null : days));

    private string StatusText(string status) => status switch
    {
        "queued" => L["Queued"],
        "running" => L["Running"],
        "paused" => L["Paused"],
        "succeeded" => L["Succeeded"],
        "failed" => L["Failed"],
        "cancelled" => L["Cancelled"],
        _ => status,
    };

    private static Color StatusColor(string status) => status switch
    {
        "running" => Color.Info,
        "succeeded" => Color.Success,
        "failed" => Color.Error,
        "paused" => Color.Warning,
        _ => Color.Default,
    };

    private string StageText(string stage) => stage switch
    {
        "scan" => L["Finding a source"],
        "asr" => L["Speech recognition"],
        "translate" => L["Translating"],
        "writeback" => L["Writing back"],
        _ => stage,
    };

    public void Dispose()
    {
        _subscription?.Dispose();
        _stop.Cancel();
        _stop.Dispose();
    }
}
