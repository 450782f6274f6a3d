using FluxCaption.Web.Services;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace FluxCaption.Web.Accounts;

/// <summary>
/// An interactive circuit outlives the request that opened it, so it checks its session itself: when
/// the password changes elsewhere, the circuit's user becomes anonymous and the router sends the page
/// to sign-in.
/// </summary>
internal sealed class CircuitSessionRevalidator(
    ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<WebAuthOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    private static readonly TimeSpan Shortest = TimeSpan.FromSeconds(5);

    protected override TimeSpan RevalidationInterval =>
        options.Value.SessionCheckInterval > Shortest ? options.Value.SessionCheckInterval : Shortest;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var api = scope.ServiceProvider.GetRequiredService<FluxCaptionApiClient>();
        return await SessionValidator.CheckAsync(api, authenticationState.User, scope.ServiceProvider, cancellationToken) != false;
    }
}
