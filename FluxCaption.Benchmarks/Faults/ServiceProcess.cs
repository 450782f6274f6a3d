using System.Diagnostics;

namespace FluxCaption.Benchmarks.Faults;

/// <summary>
/// One FluxCaption service as a real child process (`dotnet FluxCaption.Api.dll` or `FluxCaption.Worker.dll`
/// from the Release build beside this one), with its output appended to a log file so a fault's aftermath
/// can be read afterwards. <see cref="Kill"/> is SIGKILL: no shutdown code runs.
/// </summary>
internal sealed class ServiceProcess : IDisposable
{
    private readonly string _assembly;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly string _logPath;
    private Process? _process;

    public ServiceProcess(string name, string project, IReadOnlyDictionary<string, string> environment, string logFolder)
    {
        Name = name;
        _assembly = AssemblyPath(project);
        _environment = environment;
        _logPath = Path.Combine(logFolder, name + ".log");
    }

    public string Name { get; }

    public void Start()
    {
        var info = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(_assembly)!,
        };
        info.ArgumentList.Add(_assembly);
        foreach (var (key, value) in _environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {Name}.");
        var log = new StreamWriter(_logPath, append: true) { AutoFlush = true };
        log.WriteLine($"===== started {DateTimeOffset.UtcNow:O} pid {process.Id}");
        process.OutputDataReceived += (_, line) => Write(log, line.Data);
        process.ErrorDataReceived += (_, line) => Write(log, line.Data);
        process.Exited += (_, _) => Write(log, $"===== exited {DateTimeOffset.UtcNow:O}");
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    public void Kill()
    {
        var process = Interlocked.Exchange(ref _process, null);
        if (process is null)
        {
            return;
        }

        using (process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
    }

    public void Dispose() => Kill();

    /// <summary>A service's build output: same configuration and framework as this benchmark's.</summary>
    private static string AssemblyPath(string project)
    {
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = bin.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(root, project, "bin", bin.Parent!.Name, bin.Name, project + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {project} in the same configuration first.", path);
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }
}
