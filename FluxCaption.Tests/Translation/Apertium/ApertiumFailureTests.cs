using System.Globalization;
using FluxCaption.Core.Translation.Apertium;

namespace FluxCaption.Tests.Translation.Apertium;

public sealed class ApertiumFailureTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fluxcaption-apertium-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task APairThatIsNotInstalledIsRefusedClearly()
    {
        var engine = ApertiumEngineFactory.Create();

        engine.Supports("en", "de").ShouldBeFalse();
        var error = await Should.ThrowAsync<TranslationEngineUnavailableException>(() =>
            engine.TranslateAsync(ApertiumEngineFactory.Batch("en", "de", "Hello."), TestContext.Current.CancellationToken));

        error.Engine.ShouldBe("apertium");
        error.Message.ShouldContain("English (en)");
        error.Message.ShouldContain("German (de)");
        error.Message.ShouldContain("eng-spa (en -> es)");
    }

    [Fact]
    public async Task AMissingApertiumSupportsNothingAndSaysWhereItLooked()
    {
        var missing = Path.Combine(_folder, "no-apertium-here");
        var engine = ApertiumEngineFactory.Create(missing);

        engine.Supports("en", "es").ShouldBeFalse();
        engine.InstalledPairs.ShouldBeEmpty();
        var error = await Should.ThrowAsync<TranslationEngineUnavailableException>(() =>
            engine.TranslateAsync(ApertiumEngineFactory.Batch("en", "es", "Hello."), TestContext.Current.CancellationToken));

        error.Message.ShouldContain(missing);
        error.Message.ShouldContain("ExecutablePath");
    }

    [Fact]
    public async Task CancellationKillsTheWholeApertiumPipeline()
    {
        var engine = ApertiumEngineFactory.Create();
        engine.Supports("en", "es").ShouldBeTrue();
        var launcher = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        engine.Runner.ProcessStarted = pid => launcher.TrySetResult(pid);
        var texts = Enumerable.Range(0, 3000)
            .Select(i => $"The old man walked slowly to the market, and he bought {i} red apples for his daughter.")
            .ToArray();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var translation = engine.TranslateAsync(ApertiumEngineFactory.Batch("en", "es", texts), cancellation.Token);
        var root = await launcher.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var pipeline = await WaitForDescendantsAsync(root, minimum: 5);
        await cancellation.CancelAsync();

        // Left alone, this batch keeps apertium busy for well over ten seconds.
        var stopping = System.Diagnostics.Stopwatch.StartNew();
        await Should.ThrowAsync<OperationCanceledException>(() => translation);
        stopping.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        pipeline.Add(root);
        await WaitUntilGoneAsync(pipeline, TimeSpan.FromSeconds(2));
        pipeline.Where(IsAlive).ShouldBeEmpty();
    }

    [Fact]
    public async Task ABatchThatTakesTooLongIsStoppedWithATimeout()
    {
        var slow = WriteScript("slow-apertium", """
            #!/bin/sh
            if [ "$1" = "-l" ]; then echo "  eng-spa"; exit 0; fi
            exec sleep 60
            """);
        var engine = ApertiumEngineFactory.Create(slow, TimeSpan.FromSeconds(1));
        engine.Supports("en", "es").ShouldBeTrue();
        var launcher = 0;
        engine.Runner.ProcessStarted = pid => launcher = pid;

        var error = await Should.ThrowAsync<TimeoutException>(() =>
            engine.TranslateAsync(ApertiumEngineFactory.Batch("en", "es", "Hello."), TestContext.Current.CancellationToken));

        error.Message.ShouldContain("Engines:Apertium:Timeout");
        await WaitUntilGoneAsync([launcher], TimeSpan.FromSeconds(2));
        IsAlive(launcher).ShouldBeFalse();
    }

    [Fact]
    public async Task AFailingApertiumRunReportsItsExitCodeAndError()
    {
        var broken = WriteScript("broken-apertium", """
            #!/bin/sh
            if [ "$1" = "-l" ]; then echo "  eng-spa"; exit 0; fi
            echo "Error: lt-proc could not read eng-spa.automorf.bin" >&2
            exit 3
            """);
        var engine = ApertiumEngineFactory.Create(broken);

        var error = await Should.ThrowAsync<ApertiumProcessException>(() =>
            engine.TranslateAsync(ApertiumEngineFactory.Batch("en", "es", "Hello."), TestContext.Current.CancellationToken));

        error.ExitCode.ShouldBe(3);
        error.Message.ShouldContain("could not read eng-spa.automorf.bin");
    }

    private string WriteScript(string name, string body)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, body.ReplaceLineEndings("\n") + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return path;
    }

    private static async Task<List<int>> WaitForDescendantsAsync(int root, int minimum)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var descendants = Descendants(root);
            if (descendants.Count >= minimum)
            {
                return descendants;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        throw new InvalidOperationException($"apertium (pid {root}) never started its pipeline");
    }

    private static async Task WaitUntilGoneAsync(IEnumerable<int> pids, TimeSpan patience)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < patience && pids.Any(IsAlive))
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    // A zombie has exited and only waits for its parent to collect it: it is not running any more.
    private static bool IsAlive(int pid)
    {
        var stat = ReadStat(pid);
        return stat is not null && stat.Value.State != 'Z';
    }

    private static List<int> Descendants(int root)
    {
        var parents = Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0)
            .Select(pid => (Pid: pid, Stat: ReadStat(pid)))
            .Where(p => p.Stat is not null)
            .ToDictionary(p => p.Pid, p => p.Stat!.Value.Parent);
        var found = new List<int>();
        var frontier = new Queue<int>([root]);
        while (frontier.TryDequeue(out var parent))
        {
            foreach (var child in parents.Where(p => p.Value == parent).Select(p => p.Key))
            {
                found.Add(child);
                frontier.Enqueue(child);
            }
        }

        return found;
    }

    private static (char State, int Parent)? ReadStat(int pid)
    {
        try
        {
            // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (fields[0][0], int.Parse(fields[1], CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            return null;
        }
    }
}
