using Microsoft.Extensions.Options;

namespace FluxCaption.Api.Apis.Accounts;

/// <summary>
/// Creates the administrator named by Auth:Administrator at start when no account exists yet, so an
/// installation can be signed in to without the first-run page. An existing account is never touched:
/// changing the configured password later does not change the stored one.
/// </summary>
internal sealed partial class AdministratorSeeder(
    IServiceScopeFactory scopes, IOptions<AccountOptions> options, ILogger<AdministratorSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var seed = options.Value.Administrator;
        if (string.IsNullOrWhiteSpace(seed.UserName) || string.IsNullOrEmpty(seed.Password))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountDirectory>();
        var result = await accounts.CreateFirstAsync(seed.UserName.Trim(), seed.Password, cancellationToken);
        if (result.Account is not null)
        {
            LogSeeded(logger, result.Account.UserName!);
        }
        else if (!result.AlreadyExists)
        {
            // A configured password that breaks the rules would leave the installation without a way in.
            throw new OptionsValidationException(AccountOptions.SectionName, typeof(AccountOptions),
                [.. result.Errors.Select(error => $"Auth:Administrator: {error.Description}")]);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the administrator {UserName} from configuration")]
    private static partial void LogSeeded(ILogger logger, string userName);
}
