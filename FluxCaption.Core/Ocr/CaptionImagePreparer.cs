using SkiaSharp;

namespace FluxCaption.Core.Ocr;

/// <summary>
/// Turns a caption picture into what Tesseract reads best: black text on white, cropped to the text with a
/// margin, small text (lines less tall than Ocr:UpscaleBelowHeight) enlarged, then thresholded to two levels.
/// </summary>
/// <remarks>
/// Subtitle pictures are light fills with dark outlines on a transparent ground. Composited over black, the
/// outline and the ground both go dark and only the fill stays bright, so brightness alone separates the
/// letters from their outline (an outline read as ink would merge the letters). A picture with no bright pixel
/// at all is taken to be dark text without outline and its opaque pixels are read as ink instead.
/// </remarks>
public static class CaptionImagePreparer
{
    /// <summary>The picture as PNG, or null when it holds nothing that could be text.</summary>
    public static byte[]? Prepare(BitmapCaption caption, OcrOptions options)
    {
        var ink = Ink(caption, options.TextThreshold);
        if (Bounds(ink, caption.Width, caption.Height) is not { } box)
        {
            return null;
        }

        var margin = options.Margin;
        var (width, height) = (box.Width + (2 * margin), box.Height + (2 * margin));
        using var cropped = new SKBitmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
        var pixels = cropped.GetPixelSpan();
        pixels.Fill(255);
        for (var row = 0; row < box.Height; row++)
        {
            for (var column = 0; column < box.Width; column++)
            {
                pixels[((row + margin) * width) + column + margin] = (byte)(255 - ink[((box.Top + row) * caption.Width) + box.Left + column]);
            }
        }

        var factor = TallestLine(ink, caption.Width, box) < options.UpscaleBelowHeight ? options.UpscaleFactor : 1;
        using var scaled = factor == 1
            ? cropped.Copy()
            : cropped.Resize(new SKImageInfo(width * factor, height * factor, SKColorType.Gray8, SKAlphaType.Opaque),
                new SKSamplingOptions(SKCubicResampler.Mitchell));
        var scaledPixels = scaled.GetPixelSpan();
        for (var i = 0; i < scaledPixels.Length; i++)
        {
            scaledPixels[i] = scaledPixels[i] < 128 ? (byte)0 : (byte)255;
        }

        // Two-level pictures compress well even at zlib's fastest level; the default level costs more than it saves.
        using var pixmap = scaled.PeekPixels();
        using var data = pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.NoFilters, zLibLevel: 1))
            ?? throw new OcrException(OcrErrorCodes.Failed, $"SkiaSharp could not encode the {scaled.Width}x{scaled.Height} caption picture as PNG.");
        return data.ToArray();
    }

    // Ink strength per pixel, 0 (paper) to 255 (solid text), before cropping and scaling.
    private static byte[] Ink(BitmapCaption caption, int threshold)
    {
        var count = caption.Width * caption.Height;
        var ink = new byte[count];
        var any = false;
        for (var pixel = 0; pixel < count; pixel++)
        {
            var rgba = caption.Rgba.AsSpan(pixel * 4, 4);
            var brightness = ((299 * rgba[0]) + (587 * rgba[1]) + (114 * rgba[2])) / 1000 * rgba[3] / 255;
            // Stretch so the threshold lands on the middle grey that the final thresholding cuts at.
            ink[pixel] = (byte)Math.Clamp(128 + ((brightness - threshold) * 128 / Math.Max(1, 255 - threshold)), 0, 255);
            any |= brightness >= threshold;
        }

        if (!any)
        {
            for (var pixel = 0; pixel < count; pixel++)
            {
                ink[pixel] = caption.Rgba[(pixel * 4) + 3];
            }
        }

        return ink;
    }

    // Height of the tallest band of rows holding ink: a line of text with its ascenders and descenders. Judging
    // by lines rather than the whole picture keeps two-line captions of small text from escaping the enlargement.
    private static int TallestLine(byte[] ink, int width, SKRectI box)
    {
        var (tallest, current) = (0, 0);
        for (var row = box.Top; row < box.Bottom; row++)
        {
            var hasInk = false;
            for (var column = box.Left; column < box.Right && !hasInk; column++)
            {
                hasInk = ink[(row * width) + column] >= 128;
            }

            current = hasInk ? current + 1 : 0;
            tallest = Math.Max(tallest, current);
        }

        return tallest;
    }

    private static SKRectI? Bounds(byte[] ink, int width, int height)
    {
        var (left, top, right, bottom) = (width, height, -1, -1);
        for (var row = 0; row < height; row++)
        {
            for (var column = 0; column < width; column++)
            {
                if (ink[(row * width) + column] >= 128)
                {
                    (left, top) = (Math.Min(left, column), Math.Min(top, row));
                    (right, bottom) = (Math.Max(right, column), Math.Max(bottom, row));
                }
            }
        }

        return right < 0 ? null : new SKRectI(left, top, right + 1, bottom + 1);
    }
}
