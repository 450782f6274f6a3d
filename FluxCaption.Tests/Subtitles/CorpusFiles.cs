using FluxCaption.Core.Subtitles;

namespace FluxCaption.Tests.Subtitles;

/// <summary>
/// The shared real-world corpus: found beside the repository (../shared/corpus from the folder that
/// holds FluxCaption.sln) or at FLUXCAPTION_CORPUS. Files are read in place, never copied.
/// </summary>
public static class CorpusFiles
{
    private static readonly Lazy<string?> LazyRoot = new(FindRoot);

    /// <summary>Placeholder row that keeps corpus theories from being empty when the corpus is absent.</summary>
    private const string Absent = "(corpus absent)";

    public static bool IsAvailable => LazyRoot.Value is not null;

    /// <summary>
    /// The corpus folder. A clone without ../shared beside it has none: the test asking for it is then
    /// reported as skipped with the reason, not failed (CI always has the corpus).
    /// </summary>
    public static string Root
    {
        get
        {
            if (LazyRoot.Value is { } root)
            {
                return root;
            }

            Assert.Skip(MissingReason);
            throw new InvalidOperationException(MissingReason); // not reached: Skip throws
        }
    }

    private static string MissingReason =>
        "The subtitle corpus is not here (../shared/corpus beside the clone, or FLUXCAPTION_CORPUS); tests that read real subtitle files are skipped.";

    /// <summary>Every file SOURCES.tsv lists, as its relative path ("srt/x.srt").</summary>
    public static IReadOnlyList<string> All => !IsAvailable ? [Absent] :
        File.ReadAllLines(Path.Combine(Root, "SOURCES.tsv"))
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split('\t')[0])
            .ToList();

    public static TheoryData<string> AllAsTheoryData() => new(All);

    public static byte[] Bytes(string relativePath) => File.ReadAllBytes(Path.Combine(Root, relativePath));

    public static SubtitleDocument Load(string relativePath) => SubtitleFile.Load(Bytes(relativePath), Path.GetFileName(relativePath));

    public static string Text(string relativePath) => SubtitleTextDecoder.Decode(Bytes(relativePath)).Text;

    private static string? FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("FLUXCAPTION_CORPUS");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FluxCaption.sln")))
            {
                var corpus = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "corpus"));
                return Directory.Exists(corpus) ? corpus : null;
            }
        }

        return null;
    }
}
