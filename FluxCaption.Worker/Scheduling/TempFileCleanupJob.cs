using Microsoft.Extensions.Options;
using Quartz;

namespace FluxCaption.Worker.Scheduling;

/// <summary>Deletes files in FluxCaption's temp folder older than Worker:TempFileMaxAge (leftovers of crashed stages).</summary>
[DisallowConcurrentExecution]
public sealed class TempFileCleanupJob(IOptions<WorkerOptions> options, TimeProvider clock, ILogger<TempFileCleanupJob> logger) : IJob
{
    public static readonly JobKey Key = new("temp-file-cleanup", "fluxcaption");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var folder = options.Value.TempDirectory;
        if (!Directory.Exists(folder))
        {
            return ValueTask.CompletedTask;
        }

        var cutoff = clock.GetUtcNow().UtcDateTime - options.Value.TempFileMaxAge;
        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(file) < cutoff)
                {
                    File.Delete(file);
                    deleted++;
                }
            }
            catch (IOException exception)
            {
                logger.LogWarning(exception, "Could not delete temp file {Path}", file);
            }
            catch (UnauthorizedAccessException exception)
            {
                logger.LogWarning(exception, "Could not delete temp file {Path}", file);
            }
        }

        if (deleted > 0)
        {
            logger.LogInformation("Deleted {Count} temp files older than {MaxAge} from {Folder}", deleted, options.Value.TempFileMaxAge, folder);
        }

        return ValueTask.CompletedTask;
    }
}
