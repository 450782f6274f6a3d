using FluxCaption.Core.Subtitles;

namespace FluxCaption.Tests.Subtitles;

public class CorpusRoundTripTests
{
    public static TheoryData<string> AllFiles => CorpusFiles.AllAsTheoryData();

    [Fact]
    public void TheCorpusHoldsTheThirtyThreeListedFiles()
    {
        var root = CorpusFiles.Root; // skips the test, with the reason, in a clone without the corpus
        CorpusFiles.All.Count.ShouldBe(33);
        CorpusFiles.All.ShouldAllBe(path => File.Exists(Path.Combine(root, path)));
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void EveryCorpusFileLoadsIntoCuesWithSaneTimings(string path)
    {
        var document = CorpusFiles.Load(path);

        document.Cues.ShouldNotBeEmpty();
        document.Format.ShouldBe(ExpectedFormat(path));
        document.Cues.ShouldAllBe(cue => cue.Start >= TimeSpan.Zero && cue.End >= TimeSpan.Zero);
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void WritingACorpusFileBackKeepsItsCuesTimingsAndFields(string path)
    {
        var original = CorpusFiles.Load(path);

        var reread = SubtitleParser.Parse(SubtitleWriter.Write(original), original.Format);

        reread.Cues.Count.ShouldBe(original.Cues.Count);
        for (var i = 0; i < original.Cues.Count; i++)
        {
            var (before, after) = (original.Cues[i], reread.Cues[i]);
            after.Start.ShouldBe(before.Start, $"cue {i}");
            after.End.ShouldBe(before.End, $"cue {i}");
            after.Text.ShouldBe(before.Text, $"cue {i}");
            // The SRT writer numbers cues that had no number; everything else keeps its id as written.
            var expectedId = before.Identifier ?? (original.Format == SubtitleFormat.Srt ? $"{i + 1}" : null);
            after.Identifier.ShouldBe(expectedId, $"cue {i}");
            after.Settings.ShouldBe(before.Settings, $"cue {i}");
            after.IsComment.ShouldBe(before.IsComment, $"cue {i}");
            after.Ass?.Style.ShouldBe(before.Ass?.Style, $"cue {i}");
            after.Ass?.Name.ShouldBe(before.Ass?.Name, $"cue {i}");
        }

        SectionLines(reread).ShouldBe(SectionLines(original));
    }

    [Theory]
    [MemberData(nameof(WellFormedFiles))]
    public void WritingAWellFormedCorpusFileBackIsByteIdenticalToTheDecodedOriginal(string path)
    {
        var original = CorpusFiles.Load(path);

        SubtitleWriter.Write(original).ShouldBe(CorpusFiles.Text(path));
    }

    [Theory]
    [MemberData(nameof(WellFormedUtf8FilesWithoutBom))]
    public void SavingAnUnchangedUtf8CorpusFileWithoutBomReproducesItsBytes(string path)
    {
        var bytes = CorpusFiles.Bytes(path);

        SubtitleFile.Save(CorpusFiles.Load(path)).ShouldBe(bytes);
    }

    [Theory]
    [MemberData(nameof(RepairedFiles))]
    public void WritingAMalformedCorpusFileBackGivesARepairedFileThatRoundTripsUnchanged(string path)
    {
        var original = CorpusFiles.Load(path);
        original.Warnings.ShouldNotBeEmpty();

        var repaired = SubtitleWriter.Write(original);
        var reread = SubtitleParser.Parse(repaired, original.Format);

        repaired.ShouldNotBe(CorpusFiles.Text(path));
        SubtitleWriter.Write(reread).ShouldBe(repaired);
        reread.Cues.Select(cue => (cue.Start, cue.End, cue.Text)).ShouldBe(original.Cues.Select(cue => (cue.Start, cue.End, cue.Text)));
    }

    // Files whose structure the parser repairs (missing numbers, a missing blank line), so their
    // write-back differs from the source by design. Blocks without a usable timing are kept as
    // written, so the two ExoPlayer files that have them come back byte for byte.
    private static readonly string[] Repaired =
    [
        "srt/astisub-missing-sequence.srt",
        "vtt/webvttpy-youtube-dl.vtt",
    ];

    public static TheoryData<string> WellFormedFiles => new(CorpusFiles.All.Except(Repaired));

    public static TheoryData<string> RepairedFiles => new(Repaired);

    // Save writes UTF-8 without BOM, so only such sources can come back byte for byte.
    public static TheoryData<string> WellFormedUtf8FilesWithoutBom => new(CorpusFiles.All.Except(Repaired).Where(path =>
    {
        var bytes = CorpusFiles.Bytes(path);
        return !bytes.AsSpan().StartsWith("\uFEFF"u8) && System.Text.Unicode.Utf8.IsValid(bytes);
    }));

    private static SubtitleFormat ExpectedFormat(string path) => Path.GetExtension(path) switch
    {
        ".srt" => SubtitleFormat.Srt,
        ".vtt" => SubtitleFormat.WebVtt,
        ".ssa" => SubtitleFormat.Ssa,
        _ => SubtitleFormat.Ass,
    };

    private static List<string> SectionLines(SubtitleDocument document) =>
        document.Ass?.Sections.SelectMany(section => section.Lines.Prepend($"[{section.Name}]")).ToList()
        ?? document.WebVtt?.Blocks.SelectMany(block => block).Concat(document.WebVtt.HeaderLines).ToList()
        ?? [];
}
