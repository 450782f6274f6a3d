using FluxCaption.Core.Jobs;
using FluxCaption.Core.Subtitles;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Pipeline;

internal static class SampleJobs
{
    /// <summary>An English SRT with <paramref name="cueCount"/> one-line cues, "Line 1", "Line 2"...</summary>
    public static SubtitleDocument Srt(int cueCount) => new()
    {
        Format = SubtitleFormat.Srt,
        Cues = Enumerable.Range(1, cueCount).Select(number => new SubtitleCue
        {
            Identifier = number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Start = TimeSpan.FromSeconds(number * 3),
            End = TimeSpan.FromSeconds(number * 3 + 2),
            Text = $"Line {number}",
        }).ToList(),
    };

    public static NewTranslationJob Request(int cueCount, string fileName = "movie.en.srt") =>
        new(Srt(cueCount), fileName, "en", "es", "prefix", null, SubtitleFormat.Srt);

    public static async Task<Job> CreateAsync(IServiceProvider services, int cueCount, string fileName = "movie.en.srt")
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IJobService>().CreateTranslationJobAsync(Request(cueCount, fileName), CancellationToken.None);
    }

    public static async Task<Job> GetAsync(IServiceProvider services, Guid id)
    {
        await using var scope = services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IJobService>().GetAsync(id, CancellationToken.None))!;
    }

    public static async Task<T> WithScopeAsync<T>(IServiceProvider services, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public static Task WaitForStatusAsync(IServiceProvider services, Guid id, JobStatus status, TimeSpan? timeout = null) =>
        Eventually.HoldsAsync(async () => (await GetAsync(services, id)).Status == status, $"job {id} is {status}", timeout);
}
