using System.Text;
using FluxCaption.Benchmarks;
using FluxCaption.Core.Ocr;
using FluxCaption.Core.Ocr.VobSub;

namespace FluxCaption.Tests.Ocr;

public sealed class VobSubDecoderTests
{
    private static readonly IndexedPicture Hello = CaptionRenderer.Render("Hello there", 28);

    // The stop delay is counted in 1024/90000 s ticks, so an end time is exact to about 11 ms.
    private static readonly TimeSpan StopTick = TimeSpan.FromTicks(1024L * TimeSpan.TicksPerSecond / 90000);

    [Fact]
    public void CaptionsKeepTheIndexTimesTheirStopDelaysAndTheirPictures()
    {
        var (idx, sub) = VobSubWriter.Write([
            new VobSubCaption(TimeSpan.FromSeconds(1.2), TimeSpan.FromSeconds(3.4), new PlacedPicture(Hello, 100, 480)),
            new VobSubCaption(TimeSpan.FromSeconds(65.5), TimeSpan.FromSeconds(67), new PlacedPicture(Hello, 120, 500)),
        ]);

        var captions = VobSubDecoder.Decode(sub, VobSubIndex.Parse(idx), 0);

        captions.Count.ShouldBe(2);
        captions[0].Start.ShouldBe(TimeSpan.FromSeconds(1.2));
        (captions[0].End - TimeSpan.FromSeconds(3.4)).Duration().ShouldBeLessThan(StopTick);
        captions[1].Start.ShouldBe(TimeSpan.FromSeconds(65.5));
        (captions[1].X, captions[1].Y, captions[1].Width, captions[1].Height).ShouldBe((120, 500, Hello.Width, Hello.Height));
        PictureShouldMatch(captions[0], Hello);
    }

    [Fact]
    public void ALargeSubpictureSpreadOverManyPacksIsReassembled()
    {
        var big = CaptionRenderer.Render("A caption tall enough\nto need many packs\nof two kilobytes", 60);
        var (idx, sub) = VobSubWriter.Write([new VobSubCaption(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), new PlacedPicture(big, 0, 0))]);

        sub.Length.ShouldBeGreaterThan(3 * 2048);
        var caption = VobSubDecoder.Decode(sub, VobSubIndex.Parse(idx), 0).ShouldHaveSingleItem();

        PictureShouldMatch(caption, big);
    }

    [Fact]
    public void WithoutAnIndexEntryThePacketTimestampIsUsed()
    {
        var (idx, sub) = VobSubWriter.Write([new VobSubCaption(TimeSpan.FromSeconds(42.5), TimeSpan.FromSeconds(44), new PlacedPicture(Hello, 0, 0))]);
        var paletteOnly = VobSubIndex.Parse(string.Join('\n', idx.Split('\n').Where(line => !line.StartsWith("timestamp", StringComparison.Ordinal))));

        var caption = VobSubDecoder.Decode(sub, paletteOnly, 0).ShouldHaveSingleItem();

        caption.Start.ShouldBe(TimeSpan.FromSeconds(42.5));
    }

    [Fact]
    public void AForcedStartCommandMarksTheCaptionForced()
    {
        var (idx, sub) = VobSubWriter.Write([
            new VobSubCaption(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), new PlacedPicture(Hello, 0, 0), IsForced: true),
            new VobSubCaption(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(4), new PlacedPicture(Hello, 0, 0)),
        ]);

        VobSubDecoder.Decode(sub, VobSubIndex.Parse(idx), 0).Select(c => c.IsForced).ShouldBe([true, false]);
    }

    [Fact]
    public void OnlyTheRequestedStreamIsRead()
    {
        var (idx, sub) = VobSubWriter.Write([new VobSubCaption(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), new PlacedPicture(Hello, 0, 0))], "de", streamIndex: 1);

        var index = VobSubIndex.Parse(idx);

        index.Streams.ShouldHaveSingleItem().Language.ShouldBe("de");
        VobSubDecoder.Decode(sub, index, 0).ShouldBeEmpty();
        VobSubDecoder.Decode(sub, index, 1).ShouldHaveSingleItem();
    }

    [Fact]
    public void ATruncatedSubFileIsRefusedAsDamaged()
    {
        var big = CaptionRenderer.Render("A caption tall enough\nto need many packs", 60);
        var (idx, sub) = VobSubWriter.Write([new VobSubCaption(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), new PlacedPicture(big, 0, 0))]);

        var cutInsidePacket = Should.Throw<OcrException>(() => VobSubDecoder.Decode(sub[..(2048 + 100)], VobSubIndex.Parse(idx), 0));
        var cutBetweenPacks = Should.Throw<OcrException>(() => VobSubDecoder.Decode(sub[..2048], VobSubIndex.Parse(idx), 0));

        cutInsidePacket.Code.ShouldBe(OcrErrorCodes.BadTrack);
        cutInsidePacket.Message.ShouldContain("truncated");
        cutBetweenPacks.Message.ShouldContain("cut off");
    }

    [Fact]
    public void ASubpictureWithBrokenCommandsIsRefusedAsDamaged()
    {
        var unit = VobSubWriter.Subpicture(new VobSubCaption(TimeSpan.Zero, TimeSpan.FromSeconds(1), new PlacedPicture(Hello, 0, 0)));
        var control = (unit[2] << 8) | unit[3];
        unit[control + 4] = 0x42;

        var error = Should.Throw<OcrException>(() => SpuDecoder.Decode(unit, VobSubWriter.Palette));

        error.Message.ShouldContain("unknown command 0x42");
    }

    [Fact]
    public void AnIndexWithoutAPaletteOrWithABadTimestampIsRefused()
    {
        Should.Throw<OcrException>(() => VobSubIndex.Parse("size: 720x576\nid: en, index: 0\n")).Message.ShouldContain("palette");
        var palette = "palette: " + string.Join(", ", Enumerable.Repeat("ffffff", 16)) + "\n";
        Should.Throw<OcrException>(() => VobSubIndex.Parse(palette + "id: en, index: 0\ntimestamp: 00:00:01, filepos: 0\n"))
            .Message.ShouldContain("hh:mm:ss:mmm");
        Should.Throw<OcrException>(() => VobSubDecoder.Decode(Encoding.ASCII.GetBytes("not mpeg"), VobSubIndex.Parse(palette), 0))
            .Message.ShouldContain("not a .sub file");
    }

    private static void PictureShouldMatch(BitmapCaption caption, IndexedPicture picture)
    {
        uint[] colours = [0, 0xFFFFFF, 0x000000, 0x808080];
        for (var pixel = 0; pixel < picture.Pixels.Length; pixel++)
        {
            var index = picture.Pixels[pixel];
            var rgba = caption.Rgba.AsSpan(pixel * 4, 4);
            rgba[3].ShouldBe(index == 0 ? (byte)0 : (byte)255, $"alpha of pixel {pixel}");
            if (index != 0)
            {
                ((uint)((rgba[0] << 16) | (rgba[1] << 8) | rgba[2])).ShouldBe(colours[index], $"colour of pixel {pixel}");
            }
        }
    }
}
