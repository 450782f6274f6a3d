using System.Buffers.Binary;
using FluxCaption.Benchmarks;
using FluxCaption.Core.Ocr;
using FluxCaption.Core.Ocr.Pgs;

namespace FluxCaption.Tests.Ocr;

public sealed class PgsDecoderTests
{
    private static readonly IndexedPicture Hello = CaptionRenderer.Render("Hello there");

    [Fact]
    public void ACaptionLastsFromItsDisplaySetToTheClearingSetAfterIt()
    {
        var writer = new PgsWriter();
        writer.Show(TimeSpan.FromSeconds(1.5), [new PlacedPicture(Hello, 300, 900)]);
        writer.Clear(TimeSpan.FromSeconds(3.25));
        writer.Show(TimeSpan.FromSeconds(4), [new PlacedPicture(Hello, 300, 900)]);
        writer.Clear(TimeSpan.FromSeconds(5));

        var captions = PgsDecoder.Decode(writer.ToArray());

        captions.Select(c => (c.Start, c.End)).ShouldBe([
            (TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(3.25)),
            (TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5)),
        ]);
        (captions[0].X, captions[0].Y, captions[0].Width, captions[0].Height).ShouldBe((300, 900, Hello.Width, Hello.Height));
        PictureShouldMatch(captions[0], Hello, PgsWriter.WhiteText);
    }

    [Fact]
    public void AnObjectSplitOverManySegmentsDecodesToTheSamePicture()
    {
        var whole = new PgsWriter();
        whole.Show(TimeSpan.FromSeconds(1), [new PlacedPicture(Hello, 10, 20)]);
        whole.Clear(TimeSpan.FromSeconds(2));
        var fragmented = new PgsWriter();
        fragmented.Show(TimeSpan.FromSeconds(1), [new PlacedPicture(Hello, 10, 20)], fragmentSize: 97);
        fragmented.Clear(TimeSpan.FromSeconds(2));

        Segments(fragmented.ToArray()).Count(s => s.Type == 0x15).ShouldBeGreaterThan(10);
        var caption = PgsDecoder.Decode(fragmented.ToArray()).ShouldHaveSingleItem();
        caption.Rgba.ShouldBe(PgsDecoder.Decode(whole.ToArray()).Single().Rgba);
    }

    [Fact]
    public void TwoObjectsOfOneCompositionMakeOneCaptionCoveringBoth()
    {
        var second = CaptionRenderer.Render("Second line");
        var writer = new PgsWriter();
        writer.Show(TimeSpan.FromSeconds(1), [new PlacedPicture(Hello, 400, 100), new PlacedPicture(second, 200, 900)]);
        writer.Clear(TimeSpan.FromSeconds(2));

        var caption = PgsDecoder.Decode(writer.ToArray()).ShouldHaveSingleItem();

        (caption.X, caption.Y).ShouldBe((200, 100));
        caption.Width.ShouldBe(Math.Max(400 + Hello.Width, 200 + second.Width) - 200);
        caption.Height.ShouldBe(900 + second.Height - 100);
        var fill = Array.IndexOf(Hello.Pixels, (byte)1);
        var (row, column) = (fill / Hello.Width, fill % Hello.Width);
        var pixel = (((100 - 100 + row) * caption.Width) + (400 - 200) + column) * 4;
        caption.Rgba[pixel + 3].ShouldBe((byte)255);
        caption.Rgba[pixel].ShouldBeGreaterThan((byte)250);
    }

    [Fact]
    public void APaletteUpdateEndsTheCaptionAndRedrawsItInTheNewColours()
    {
        var placed = new PlacedPicture(Hello, 100, 800);
        PaletteColour[] yellow = [new(1, 255, 255, 0, 255)];
        var writer = new PgsWriter();
        writer.Show(TimeSpan.FromSeconds(1), [placed]);
        writer.UpdatePalette(TimeSpan.FromSeconds(2), [placed], yellow);
        writer.Clear(TimeSpan.FromSeconds(3));

        var captions = PgsDecoder.Decode(writer.ToArray());

        captions.Select(c => (c.Start, c.End)).ShouldBe([
            (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)),
            (TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3)),
        ]);
        PictureShouldMatch(captions[0], Hello, PgsWriter.WhiteText);
        // Entries the update did not send keep their colours: only the fill turned yellow.
        PictureShouldMatch(captions[1], Hello, [PgsWriter.WhiteText[0], yellow[0], PgsWriter.WhiteText[2], PgsWriter.WhiteText[3]]);
    }

    [Fact]
    public void ACaptionThatIsNeverClearedLastsTheOpenEndedDuration()
    {
        var writer = new PgsWriter();
        writer.Show(TimeSpan.FromSeconds(7), [new PlacedPicture(Hello, 0, 0)], forced: true);

        var caption = PgsDecoder.Decode(writer.ToArray()).ShouldHaveSingleItem();

        caption.End.ShouldBe(TimeSpan.FromSeconds(7) + BitmapCaption.OpenEndedDuration);
        caption.IsForced.ShouldBeTrue();
    }

    [Fact]
    public void ATruncatedFileIsRefusedAsDamagedNamingWhere()
    {
        var writer = new PgsWriter();
        writer.Show(TimeSpan.FromSeconds(1), [new PlacedPicture(Hello, 0, 0)]);
        var data = writer.ToArray();

        var error = Should.Throw<OcrException>(() => PgsDecoder.Decode(data[..^300]));

        error.Code.ShouldBe(OcrErrorCodes.BadTrack);
        error.Message.ShouldContain("truncated");
    }

    [Fact]
    public void AFileThatIsNotPgsIsRefused()
    {
        var error = Should.Throw<OcrException>(() => PgsDecoder.Decode("1\n00:00:01,000 --> 00:00:02,000\nHi\n"u8.ToArray()));

        error.Code.ShouldBe(OcrErrorCodes.BadTrack);
        error.Message.ShouldContain("not a .sup file");
    }

    [Fact]
    public void AnObjectMissingAFragmentIsRefusedAsDamaged()
    {
        var writer = new PgsWriter();
        writer.Show(TimeSpan.FromSeconds(1), [new PlacedPicture(Hello, 0, 0)], fragmentSize: 500);
        var segments = Segments(writer.ToArray());
        var lastFragment = segments.FindLastIndex(s => s.Type == 0x15);
        segments.RemoveAt(lastFragment);

        var error = Should.Throw<OcrException>(() => PgsDecoder.Decode(segments.SelectMany(s => s.Bytes).ToArray()));

        error.Message.ShouldContain("missing fragments");
    }

    [Fact]
    public void AnObjectWhoseRunsStopMidwayIsRefusedAsDamaged()
    {
        var writer = new PgsWriter();
        writer.Show(TimeSpan.FromSeconds(1), [new PlacedPicture(Hello, 0, 0)]);
        var data = writer.ToArray();
        var segments = Segments(data);
        var ods = segments.Single(s => s.Type == 0x15);
        // Cut the object's data to end on an escape byte while keeping the segment lengths consistent.
        var cut = ods.Bytes[..(13 + 11 + 1)];
        cut[^1] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(cut.AsSpan(11), (ushort)(cut.Length - 13));
        cut[13 + 4] = 0;
        cut[13 + 5] = 0;
        cut[13 + 6] = 5;
        segments[segments.IndexOf(ods)] = ods with { Bytes = cut };

        var error = Should.Throw<OcrException>(() => PgsDecoder.Decode(segments.SelectMany(s => s.Bytes).ToArray()));

        error.Code.ShouldBe(OcrErrorCodes.BadTrack);
        error.Message.ShouldContain("middle of a run");
    }

    [Fact]
    public void AnObjectClaimingAHugeSizeIsRefusedBeforeAnythingIsAllocated()
    {
        var writer = new PgsWriter();
        writer.Show(TimeSpan.FromSeconds(1), [new PlacedPicture(Hello, 0, 0)]);
        var segments = Segments(writer.ToArray());
        var ods = segments.Single(s => s.Type == 0x15).Bytes;
        ods.AsSpan(13 + 7, 4).Fill(0xFF);

        var error = Should.Throw<OcrException>(() => PgsDecoder.Decode(segments.SelectMany(s => s.Bytes).ToArray()));

        error.Message.ShouldContain("65535x65535");
    }

    internal static void PictureShouldMatch(BitmapCaption caption, IndexedPicture picture, IReadOnlyList<PaletteColour> palette)
    {
        for (var pixel = 0; pixel < picture.Pixels.Length; pixel++)
        {
            var colour = palette.Single(c => c.Index == picture.Pixels[pixel]);
            var rgba = caption.Rgba.AsSpan(pixel * 4, 4);
            rgba[3].ShouldBe(colour.Alpha, $"alpha of pixel {pixel}");
            if (colour.Alpha > 0)
            {
                // Y'CbCr keeps colours to within rounding.
                Math.Abs(rgba[0] - colour.Red).ShouldBeLessThanOrEqualTo(3, $"red of pixel {pixel}");
                Math.Abs(rgba[1] - colour.Green).ShouldBeLessThanOrEqualTo(3, $"green of pixel {pixel}");
                Math.Abs(rgba[2] - colour.Blue).ShouldBeLessThanOrEqualTo(3, $"blue of pixel {pixel}");
            }
        }
    }

    private static List<Segment> Segments(byte[] data)
    {
        var segments = new List<Segment>();
        for (var offset = 0; offset < data.Length;)
        {
            var length = 13 + BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(offset + 11));
            segments.Add(new Segment(data[offset + 10], data[offset..(offset + length)]));
            offset += length;
        }

        return segments;
    }

    private sealed record Segment(byte Type, byte[] Bytes);
}
