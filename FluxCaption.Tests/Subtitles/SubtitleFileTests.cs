using System.Text;
using FluxCaption.Core.Subtitles;

namespace FluxCaption.Tests.Subtitles;

public class SubtitleFileTests
{
    [Fact]
    public void LoadingALegacyEncodedFileAndSavingItGivesUtf8WithoutBom()
    {
        var document = CorpusFiles.Load("srt/ums-czech-cp1250.srt");

        var saved = SubtitleFile.Save(document);

        saved.Take(3).ShouldNotBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var text = Encoding.UTF8.GetString(saved);
        text.ShouldContain("Když pracujete s Jimem,\r\nuž tak nějak víte,");
        SubtitleFile.Load(saved, "czech.srt").Cues.Count.ShouldBe(document.Cues.Count);
    }

    [Fact]
    public void LoadingBinaryBytesRaisesAnEncodingError()
    {
        byte[] bytes = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01];

        Should.Throw<SubtitleEncodingException>(() => SubtitleFile.Load(bytes, "cover.srt"));
    }

    [Fact]
    public void LoadingTextThatIsNoSubtitleRaisesAFormatError()
    {
        var bytes = Encoding.UTF8.GetBytes("Shopping list:\nmilk\nbread\n");

        Should.Throw<SubtitleFormatException>(() => SubtitleFile.Load(bytes, "list.srt"))
            .Message.ShouldContain("not a subtitle file");
    }

    [Fact]
    public void LoadingAnEmptyFileRaisesAFormatError()
    {
        Should.Throw<SubtitleFormatException>(() => SubtitleFile.Load([], "empty.srt")).Message.ShouldContain("empty");
    }

    [Theory]
    [InlineData(SubtitleFormat.Srt, "application/x-subrip", ".srt")]
    [InlineData(SubtitleFormat.WebVtt, "text/vtt", ".vtt")]
    [InlineData(SubtitleFormat.Ass, "text/x-ass", ".ass")]
    [InlineData(SubtitleFormat.Ssa, "text/x-ssa", ".ssa")]
    public void EachFormatHasItsContentTypeAndExtension(SubtitleFormat format, string contentType, string extension)
    {
        SubtitleFile.ContentType(format).ShouldBe(contentType);
        SubtitleFile.Extension(format).ShouldBe(extension);
        SubtitleFormatDetector.FromExtension("movie" + extension).ShouldBe(format);
    }
}
