using System.Diagnostics;
using System.Text;

namespace FluxCaption.Tests.Infrastructure;

/// <summary>
/// The real FluxCaption.Worker as a child process (`dotnet FluxCaption.Worker.dll`), configured with
/// the environment keys Aspire injects (ConnectionStrings__fluxcaption, ConnectionStrings__redis,
/// ConnectionStrings__llm, Worker__Roles...). Kill() is SIGKILL of the whole tree: no shutdown code runs.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private WorkerProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, line) => Append(line.Data);
        _process.ErrorDataReceived += (_, line) => Append(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        // A test that fails before disposing its Worker must not leave it running after the run.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Kill();
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process wrote so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static WorkerProcess Start(IDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(WorkerAssemblyPath())!,
        };
        info.ArgumentList.Add(WorkerAssemblyPath());
        info.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return new WorkerProcess(Process.Start(info) ?? throw new InvalidOperationException("Could not start the Worker."));
    }

    /// <summary>The Worker's own build output beside the test project's (same configuration and framework).</summary>
    public static string WorkerAssemblyPath() => ServiceAssemblyPath("FluxCaption.Worker");

    /// <summary>A service's build output (FluxCaption.Api, FluxCaption.Worker...) beside the test project's.</summary>
    public static string ServiceAssemblyPath(string project)
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var root = testBin.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(root, project, "bin", configuration, framework, project + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {project} before running this test.", path);
    }

    public void Kill()
    {
        if (!HasExitedOrDisposed())
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private bool HasExitedOrDisposed()
    {
        try
        {
            return _process.HasExited;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
