using System.Net.Http.Json;

namespace FluxCaption.Web.Services;

// Auto-translation rules: CRUD and "run now".
public sealed partial class FluxCaptionApiClient
{
    public async Task<IReadOnlyList<RuleView>> ListRulesAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync("api/rules", cancellationToken);
        return await ReadAsync<List<RuleView>>(response, cancellationToken);
    }

    public async Task<RuleView> GetRuleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"api/rules/{id}", cancellationToken);
        return await ReadAsync<RuleView>(response, cancellationToken);
    }

    public async Task<RuleView> CreateRuleAsync(RuleInput input, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync("api/rules", input, Json, cancellationToken);
        return await ReadAsync<RuleView>(response, cancellationToken);
    }

    public async Task<RuleView> UpdateRuleAsync(Guid id, RuleInput input, CancellationToken cancellationToken = default)
    {
        using var response = await http.PutAsJsonAsync($"api/rules/{id}", input, Json, cancellationToken);
        return await ReadAsync<RuleView>(response, cancellationToken);
    }

    public async Task DeleteRuleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var response = await http.DeleteAsync($"api/rules/{id}", cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    public async Task<RuleRunAcceptedView> RunRuleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsync($"api/rules/{id}/run", content: null, cancellationToken);
        return await ReadAsync<RuleRunAcceptedView>(response, cancellationToken);
    }
}
