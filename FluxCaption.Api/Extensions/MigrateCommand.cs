using FluxCaption.Core.Data;

namespace FluxCaption.Api.Extensions;

/// <summary>
/// `FluxCaption.Api migrate`: applies the EF Core migrations (Quartz tables included) and exits.
/// The AppHost runs it as the one-shot `migrations` resource and every other service waits for it,
/// so no service ever migrates on its own start.
/// </summary>
public static class MigrateCommand
{
    public static bool IsRequested(string[] args) =>
        args.Length > 0 && string.Equals(args[0], "migrate", StringComparison.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(WebApplicationBuilder builder)
    {
        builder.AddFluxCaptionData();
        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("FluxCaption.Migrations");
        try
        {
            await DatabaseMigrator.MigrateAsync(host.Services, CancellationToken.None);
            logger.LogInformation("Database migrations applied");
            return 0;
        }
        catch (Exception ex)
        {
            logger.LogCritical(ex, "Applying database migrations failed");
            return 1;
        }
    }
}
