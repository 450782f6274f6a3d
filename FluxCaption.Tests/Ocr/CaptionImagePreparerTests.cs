using FluxCaption.Benchmarks;
using FluxCaption.Core.Ocr;
using FluxCaption.Core.Ocr.Pgs;
using SkiaSharp;

namespace FluxCaption.Tests.Ocr;

public sealed class CaptionImagePreparerTests
{
    [Fact]
    public void WhiteOutlinedTextBecomesBlackTextOnWhiteCroppedWithItsMargin()
    {
        var picture = CaptionRenderer.Render("Hi", 60);
        var caption = Caption(new PlacedPicture(picture, 500, 900), frameWidth: 1920);
        var options = new OcrOptions { UpscaleBelowHeight = 0, Margin = 10 };

        using var image = SKBitmap.Decode(CaptionImagePreparer.Prepare(caption, options));

        // The bounds of the fill and its soft edge (not the outline's), plus the margin on each side.
        var (left, top, right, bottom) = FillBounds(picture);
        (image.Width, image.Height).ShouldBe((right - left + 1 + 20, bottom - top + 1 + 20));
        image.GetPixel(0, 0).Red.ShouldBe((byte)255);
        image.GetPixel(10 + (right - left) / 2, 10 + (bottom - top) / 2).Red.ShouldBeOneOf((byte)0, (byte)255);
        Enumerable.Range(0, image.Width * image.Height).Count(i => image.GetPixel(i % image.Width, i / image.Width).Red == 0).ShouldBeGreaterThan(100);
        Enumerable.Range(0, image.Width * image.Height).All(i => image.GetPixel(i % image.Width, i / image.Width).Red is 0 or 255).ShouldBeTrue();
    }

    [Fact]
    public void SmallTextIsEnlargedByTheUpscaleFactor()
    {
        var caption = Caption(new PlacedPicture(CaptionRenderer.Render("Hi", 20), 0, 0), frameWidth: 720);
        using var plain = SKBitmap.Decode(CaptionImagePreparer.Prepare(caption, new OcrOptions { UpscaleBelowHeight = 0 }));
        using var enlarged = SKBitmap.Decode(CaptionImagePreparer.Prepare(caption, new OcrOptions { UpscaleBelowHeight = 100, UpscaleFactor = 3 }));

        (enlarged.Width, enlarged.Height).ShouldBe((plain.Width * 3, plain.Height * 3));
    }

    [Fact]
    public void APictureWithNothingOpaqueHasNothingToRead()
    {
        var empty = new IndexedPicture(50, 20, new byte[50 * 20]);

        CaptionImagePreparer.Prepare(Caption(new PlacedPicture(empty, 0, 0), 720), new OcrOptions()).ShouldBeNull();
    }

    private static BitmapCaption Caption(PlacedPicture placed, int frameWidth)
    {
        var writer = new PgsWriter(frameWidth, 1080);
        writer.Show(TimeSpan.FromSeconds(1), [placed]);
        return PgsDecoder.Decode(writer.ToArray()).Single();
    }

    private static (int Left, int Top, int Right, int Bottom) FillBounds(IndexedPicture picture)
    {
        var fill = Enumerable.Range(0, picture.Pixels.Length).Where(i => picture.Pixels[i] is 1 or 3).ToList();
        return (fill.Min(i => i % picture.Width), fill.Min(i => i / picture.Width), fill.Max(i => i % picture.Width), fill.Max(i => i / picture.Width));
    }
}
