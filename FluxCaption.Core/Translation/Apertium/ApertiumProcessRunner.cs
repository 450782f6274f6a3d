using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace FluxCaption.Core.Translation.Apertium;

/// <summary>
/// Runs the apertium launcher once: input on stdin, output from stdout, UTF-8 both ways. The launcher
/// is a shell pipeline of several programs, so a timeout or cancellation kills the whole process tree.
/// </summary>
internal sealed class ApertiumProcessRunner(ApertiumOptions options)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Called with the launcher's process id right after it starts; tests watch the process tree with it.</summary>
    internal Action<int>? ProcessStarted { get; set; }

    public async Task<string> RunAsync(IReadOnlyList<string> arguments, string input, CancellationToken cancellationToken)
    {
        using var process = Start(arguments);
        using var timeout = new CancellationTokenSource(options.Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);

        // Killing from the token as well frees a write that is blocked on a full pipe.
        using var kill = linked.Token.Register(() => KillTree(process));

        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await WriteInputAsync(process, input, linked.Token);
            await process.WaitForExitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            KillTree(process);
            await ReapAsync(process, output, error);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException(
                $"Apertium did not finish within {options.Timeout.TotalSeconds:0.#} s (Engines:Apertium:Timeout) and was stopped.");
        }

        var stdout = await output;
        var stderr = (await error).Trim();
        if (process.ExitCode != 0)
        {
            throw new ApertiumProcessException(
                $"Apertium exited with code {process.ExitCode}: {(stderr.Length > 0 ? stderr : "no error output")}",
                process.ExitCode,
                stderr);
        }

        return stdout;
    }

    private Process Start(IReadOnlyList<string> arguments)
    {
        var startInfo = new ProcessStartInfo(options.ExecutablePath)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = Utf8,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            process.Dispose();
            throw new TranslationEngineUnavailableException(
                ApertiumTranslationEngine.EngineName,
                $"Apertium could not be started from '{options.ExecutablePath}' (Engines:Apertium:ExecutablePath): {exception.Message}. "
                + "Install the apertium package and a language pair, or point ExecutablePath at the apertium launcher.",
                exception);
        }

        ProcessStarted?.Invoke(process.Id);
        return process;
    }

    private static async Task WriteInputAsync(Process process, string input, CancellationToken cancellationToken)
    {
        try
        {
            await process.StandardInput.WriteAsync(input.AsMemory(), cancellationToken);
            await process.StandardInput.FlushAsync(cancellationToken);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The pipeline closed its input early (it failed at start); its exit code and stderr say why.
        }
    }

    // Waiting for the output to end could hang on a grandchild that escaped the kill and holds the
    // pipe, so only the launcher's exit is awaited, briefly; the abandoned reads end with the pipes.
    private static async Task ReapAsync(Process process, Task<string> output, Task<string> error)
    {
        _ = output.ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
        _ = error.ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
        try
        {
            await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            // Killed but not yet reaped; the caller's cancellation must not wait on the kernel.
        }
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own between the cancellation and the kill.
        }
    }
}
