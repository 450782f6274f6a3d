using System.Net;
using System.Net.Http.Json;
using FluxCaption.Contracts.Accounts;

namespace FluxCaption.Web.Services;

/// <summary>/api/accounts: the sign-in pages' questions to the Api, which keeps the accounts.</summary>
public sealed partial class FluxCaptionApiClient
{
    public async Task<AccountStatusResponse> GetAccountStatusAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync("api/accounts/status", cancellationToken);
        return await ReadAsync<AccountStatusResponse>(response, cancellationToken);
    }

    public async Task<PasswordCheckResponse> CheckPasswordAsync(PasswordCheckRequest request, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync("api/accounts/password-check", request, Json, cancellationToken);
        return await ReadAsync<PasswordCheckResponse>(response, cancellationToken);
    }

    /// <summary>The account with its current security stamp, or null when it no longer exists.</summary>
    public async Task<AccountResponse?> FindAccountAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"api/accounts/{id}", cancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ReadAsync<AccountResponse>(response, cancellationToken);
    }

    public async Task<AccountCallResult> CreateAdministratorAsync(CreateAdministratorRequest request, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync("api/accounts/administrator", request, Json, cancellationToken);
        return await ReadAccountAsync(response, cancellationToken);
    }

    public async Task<AccountCallResult> ChangePasswordAsync(Guid id, ChangePasswordRequest request, CancellationToken cancellationToken = default)
    {
        using var response = await http.PutAsJsonAsync($"api/accounts/{id}/password", request, Json, cancellationToken);
        return await ReadAccountAsync(response, cancellationToken);
    }

    // A refusal a person can fix (400 field errors, 409 "already exists") comes back as a result for the
    // form to show; anything else is the Api failing and throws like every other call.
    private static async Task<AccountCallResult> ReadAccountAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict)
        {
            var problem = await response.Content.ReadFromJsonAsync<AccountProblem>(Json, cancellationToken);
            return new AccountCallResult(null, (int)response.StatusCode, problem?.Errors ?? [], problem?.Codes ?? []);
        }

        return new AccountCallResult(await ReadAsync<AccountResponse>(response, cancellationToken), (int)response.StatusCode, new Dictionary<string, string[]>(), new Dictionary<string, string[]>());
    }

    private sealed record AccountProblem(Dictionary<string, string[]>? Errors, Dictionary<string, string[]>? Codes);
}

/// <summary>An account call's answer: the account, or the field errors (English text and codes) that refused it.</summary>
public sealed record AccountCallResult(
    AccountResponse? Account, int StatusCode, IReadOnlyDictionary<string, string[]> Messages, IReadOnlyDictionary<string, string[]> Codes);
