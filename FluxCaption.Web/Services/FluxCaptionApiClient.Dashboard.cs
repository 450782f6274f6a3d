using System.Globalization;
using FluxCaption.Contracts.Dashboard;

namespace FluxCaption.Web.Services;

// The home page's figures, one request for the whole dashboard.
public sealed partial class FluxCaptionApiClient
{
    public async Task<DashboardResponse> GetDashboardAsync(int days, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"api/dashboard?days={days.ToString(CultureInfo.InvariantCulture)}", cancellationToken);
        return await ReadAsync<DashboardResponse>(response, cancellationToken);
    }
}
