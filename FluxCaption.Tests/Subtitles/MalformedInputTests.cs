using FluxCaption.Core.Subtitles;

namespace FluxCaption.Tests.Subtitles;

public class MalformedInputTests
{
    public static TheoryData<string> AllFiles => CorpusFiles.AllAsTheoryData();

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void ATruncatedOrCorruptedCorpusFileLoadsOrFailsWithASubtitleError(string path)
    {
        var bytes = CorpusFiles.Bytes(path);
        var random = new Random(path.Length);
        var variants = new List<byte[]>();
        for (var cut = 1; cut <= 12; cut++)
        {
            variants.Add(bytes[..(bytes.Length * cut / 13)]);
        }

        for (var round = 0; round < 12; round++)
        {
            var corrupted = bytes.ToArray();
            for (var flips = 0; flips < 1 + (bytes.Length / 200); flips++)
            {
                corrupted[random.Next(corrupted.Length)] = (byte)random.Next(256);
            }

            variants.Add(corrupted);
        }

        foreach (var variant in variants)
        {
            var outcome = Record.Exception(() =>
            {
                var document = SubtitleFile.Load(variant, Path.GetFileName(path));
                SubtitleFile.Save(document);
            });

            if (outcome is not null)
            {
                (outcome is SubtitleFormatException or SubtitleEncodingException).ShouldBeTrue(outcome.ToString());
                outcome.Message.ShouldNotBeNullOrWhiteSpace();
            }
        }
    }
}
