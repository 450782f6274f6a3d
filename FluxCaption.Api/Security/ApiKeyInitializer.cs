using FluxCaption.Api.Extensions;
using FluxCaption.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FluxCaption.Api.Security;

/// <summary>
/// Decides the API key before the server accepts requests: the configured key when there is one;
/// otherwise the key stored at an earlier start; otherwise a new key, stored (hashed) and written
/// to the log exactly once. Several Api replicas starting together agree through the insert that
/// only one of them wins.
/// </summary>
internal sealed partial class ApiKeyInitializer(
    IServiceScopeFactory scopes,
    ApiKeyStore store,
    IOptions<ApiOptions> options,
    ILogger<ApiKeyInitializer> logger) : IHostedService
{
    private const string SettingKey = "api.key_sha256";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.Key))
        {
            store.SetHash(ApiKeyStore.Hash(options.Value.Key.Trim()));
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FluxCaptionDbContext>();
        var candidate = ApiKeyStore.NewKey();
        var candidateHash = Convert.ToHexString(ApiKeyStore.Hash(candidate));
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO settings (key, value, is_secret, updated_at)
            VALUES ({SettingKey}, {candidateHash}, TRUE, now())
            ON CONFLICT (key) DO NOTHING
            """,
            cancellationToken);

        if (inserted == 1)
        {
            LogGeneratedKey(logger, candidate);
            store.SetHash(Convert.FromHexString(candidateHash));
            return;
        }

        var storedHash = await db.Database
            .SqlQuery<string>($"SELECT value AS \"Value\" FROM settings WHERE key = {SettingKey}")
            .SingleAsync(cancellationToken);
        store.SetHash(Convert.FromHexString(storedHash));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "No API key was configured, so one was generated. It is shown only this once; keep it: {ApiKey}")]
    private static partial void LogGeneratedKey(ILogger logger, string apiKey);
}
