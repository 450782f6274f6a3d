using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace FluxCaption.Core.Ocr;

/// <summary>What a finished tool run printed.</summary>
internal sealed record OcrProcessResult(int ExitCode, string StandardOutput, string StandardError);

/// <summary>
/// Runs tesseract, ffmpeg or ffprobe to completion. Cancellation and the timeout kill the process at once: a
/// half-read batch or a half-copied track is worth nothing, and a stuck tool must not hold the OCR stage.
/// </summary>
internal static class OcrProcess
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <param name="missing">The message when the executable cannot be started at all.</param>
    /// <param name="timeoutSetting">The option that sets <paramref name="timeout"/>, named in the timeout message.</param>
    public static async Task<OcrProcessResult> RunAsync(
        string fileName, IEnumerable<string> arguments, TimeSpan timeout, string timeoutSetting, string missing, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new OcrException(OcrErrorCodes.ToolMissing, missing, exception);
        }

        using var timer = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        using var kill = linked.Token.Register(() => Kill(process));
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            cancellationToken.ThrowIfCancellationRequested();
            throw new OcrException(OcrErrorCodes.Failed,
                $"{Path.GetFileName(fileName)} did not finish within {timeout} ({timeoutSetting}) and was stopped.");
        }

        return new OcrProcessResult(process.ExitCode, await output, await error);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the cancellation and the kill.
        }
    }
}
