using FluxCaption.Worker;
using FluxCaption.Worker.Scheduling;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FluxCaption.Tests.Pipeline;

public sealed class TempFileCleanupJobTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("fluxcaption-cleanup-test-");

    [Fact]
    public async Task CleanupDeletesTempFilesOlderThanTheMaximumAgeAndKeepsNewerOnes()
    {
        var old = Path.Combine(_folder.FullName, "audio", "old.wav");
        var fresh = Path.Combine(_folder.FullName, "fresh.srt");
        Directory.CreateDirectory(Path.GetDirectoryName(old)!);
        await File.WriteAllTextAsync(old, "old", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(fresh, "fresh", TestContext.Current.CancellationToken);
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddHours(-30));
        var options = Options.Create(new WorkerOptions { TempDirectory = _folder.FullName, TempFileMaxAge = TimeSpan.FromHours(24) });

        await new TempFileCleanupJob(options, TimeProvider.System, NullLogger<TempFileCleanupJob>.Instance)
            .Execute(null!, TestContext.Current.CancellationToken);

        File.Exists(old).ShouldBeFalse();
        File.Exists(fresh).ShouldBeTrue();
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
