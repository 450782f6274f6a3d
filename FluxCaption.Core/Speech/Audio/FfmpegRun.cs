using System.ComponentModel;
using FFMpegCore;
using FFMpegCore.Exceptions;
using FluxCaption.Core.Media;

namespace FluxCaption.Core.Speech.Audio;

/// <summary>One ffmpeg run with a timeout; cancelling or timing out kills the process at once.</summary>
internal static class FfmpegRun
{
    /// <param name="what">What the run does, for messages ("decoding stream 1 of 'x.mkv'").</param>
    /// <param name="timeoutKey">The setting that bounds it, named in the timeout message.</param>
    public static async Task<IReadOnlyList<string>> RunAsync(
        FFMpegArgumentProcessor processor,
        MediaOptions media,
        TimeSpan timeout,
        string what,
        string timeoutKey,
        CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        FFMpegResult result;
        try
        {
            result = await processor
                .CancellableThrough(deadline.Token, TimeSpan.Zero)
                .ProcessAsynchronously(throwOnError: false, MediaTools.FFOptions(media));
        }
        catch (Win32Exception exception)
        {
            throw new MediaToolException(MediaToolException.ToolMissing, $"ffmpeg could not be started: {exception.Message}", exception);
        }
        catch (FFMpegException exception)
        {
            throw new MediaToolException(MediaToolException.UnreadableFile, $"ffmpeg failed {what}: {exception.Message}", exception);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && deadline.IsCancellationRequested)
        {
            throw TimedOut(what, timeout, timeoutKey);
        }

        if (result.Cancelled || deadline.IsCancellationRequested)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw TimedOut(what, timeout, timeoutKey);
        }

        if (!result.Success)
        {
            var error = string.Join(" | ", result.StandardError.Where(line => !string.IsNullOrWhiteSpace(line)).TakeLast(3));
            throw new MediaToolException(MediaToolException.UnreadableFile, $"ffmpeg failed {what} (exit code {result.ExitCode}): {error}");
        }

        return result.StandardError;
    }

    private static MediaToolException TimedOut(string what, TimeSpan timeout, string key) =>
        new(MediaToolException.TimedOut, $"ffmpeg did not finish {what} within {timeout} ({key}).");
}
