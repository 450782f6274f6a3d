using System.Text;
using FluxCaption.Core.Subtitles;

namespace FluxCaption.Tests.Subtitles;

public class SubtitleTextDecoderTests
{
    static SubtitleTextDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Big5TraditionalChineseDecodesToItsCharacters()
    {
        var decoded = SubtitleTextDecoder.Decode(CorpusFiles.Bytes("srt/ums-chinese-big5.srt"));

        decoded.EncodingName.ShouldBe("big5");
        decoded.HadByteOrderMark.ShouldBeFalse();
        decoded.Text.ShouldContain("片名：獵殺代理人");
        decoded.Text.ShouldContain("看看你們自己");
    }

    [Fact]
    public void Gb2312SimplifiedChineseDecodesToItsCharacters()
    {
        var decoded = SubtitleTextDecoder.Decode(CorpusFiles.Bytes("srt/srt-gb2312.srt"));

        decoded.EncodingName.ShouldBe("gb18030");
        decoded.Text.ShouldContain("宇宙守护神");
        decoded.Text.ShouldContain("轻轻一跳就能飞跃高楼");
    }

    [Fact]
    public void Windows1250CzechDecodesWithItsDiacritics()
    {
        var decoded = SubtitleTextDecoder.Decode(CorpusFiles.Bytes("srt/ums-czech-cp1250.srt"));

        decoded.EncodingName.ShouldBe("windows-1250");
        decoded.Text.ShouldContain("Když pracujete s Jimem,");
        decoded.Text.ShouldContain("že to bude revoluční film.");
    }

    [Fact]
    public void Utf16LittleEndianWithBomDecodesPersianText()
    {
        var decoded = SubtitleTextDecoder.Decode(CorpusFiles.Bytes("srt/mantas-utf16le-persian.srt"));

        decoded.EncodingName.ShouldBe("utf-16le");
        decoded.HadByteOrderMark.ShouldBeTrue();
        decoded.Text.ShouldStartWith("1\r\n00:00:0,000");
        decoded.Text.ShouldContain("ترجمه و تنظيم زيرنويس");
    }

    [Fact]
    public void Utf8WithBomReportsTheBomAndDropsIt()
    {
        var decoded = SubtitleTextDecoder.Decode(CorpusFiles.Bytes("srt/pysrt-capability-tester.srt"));

        decoded.EncodingName.ShouldBe("utf-8");
        decoded.HadByteOrderMark.ShouldBeTrue();
        decoded.Text.ShouldStartWith("1\r\n");
        decoded.Text.ShouldContain("日本語");
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public void Utf16InEitherByteOrderWithOrWithoutBomDecodes(bool bigEndian, bool withBom)
    {
        const string text = "1\n00:00:01,000 --> 00:00:02,000\nÇa va? Grüße, Ελλάδα\n";
        var encoding = new UnicodeEncoding(bigEndian, withBom);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray();

        var decoded = SubtitleTextDecoder.Decode(bytes);

        decoded.Text.ShouldBe(text);
        decoded.EncodingName.ShouldBe(bigEndian ? "utf-16be" : "utf-16le");
        decoded.HadByteOrderMark.ShouldBe(withBom);
    }

    [Fact]
    public void ShiftJisJapaneseDecodesToItsCharacters()
    {
        const string text = "1\r\n00:00:01,000 --> 00:00:04,000\r\n筋肉の長軸方向に伸びる非常に大型の細胞で、\r\n1個の細胞を筋線維とも呼ぶ。\r\n\r\n2\r\n00:00:05,000 --> 00:00:08,000\r\n遠い記憶蘇る悲しみも温めて行けるのに\r\nだらり帯の結び方を教えてください。\r\n";

        var decoded = SubtitleTextDecoder.Decode(Encoding.GetEncoding("shift_jis").GetBytes(text));

        decoded.EncodingName.ShouldBe("shift_jis");
        decoded.Text.ShouldBe(text);
    }

    [Fact]
    public void Windows1252WesternTextDecodesWithItsAccents()
    {
        const string text = "1\r\n00:00:01,000 --> 00:00:04,000\r\nLe garçon a mangé une crème brûlée à la fenêtre.\r\n\r\n2\r\n00:00:05,000 --> 00:00:08,000\r\nC'était déjà très différent, où est-il allé ? Señor, ¿qué pasó?\r\n";

        var decoded = SubtitleTextDecoder.Decode(Encoding.GetEncoding(1252).GetBytes(text));

        decoded.Text.ShouldBe(text);
    }

    [Fact]
    public void PlainAsciiIsUtf8()
    {
        SubtitleTextDecoder.Decode("WEBVTT\n"u8).ShouldBe(new DecodedText("WEBVTT\n", "utf-8", false));
    }

    [Fact]
    public void AnImageIsNotText()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x08, 0x06, 0x00, 0x00, 0x00];

        Should.Throw<SubtitleEncodingException>(() => SubtitleTextDecoder.Decode(png))
            .Message.ShouldStartWith("the file is not text");
    }

    [Fact]
    public void RandomBytesWithoutNulsAreNotText()
    {
        var random = new Random(42);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = bytes[i] == 0 ? (byte)1 : bytes[i];
        }

        Should.Throw<SubtitleEncodingException>(() => SubtitleTextDecoder.Decode(bytes))
            .Message.ShouldStartWith("the file is not text");
    }

    [Fact]
    public void AUtf8BomFollowedByInvalidUtf8IsNotText()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, (byte)'H', (byte)'i', 0xC3, 0x28, 0xFF, 0xFE, 0x80];

        Should.Throw<SubtitleEncodingException>(() => SubtitleTextDecoder.Decode(bytes))
            .Message.ShouldContain("UTF-8");
    }
}
