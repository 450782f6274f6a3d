using SkiaSharp;

namespace FluxCaption.Benchmarks;

/// <summary>A caption picture as palette indexes: 0 transparent, 1 text fill, 2 outline, 3 the fill's soft edge.</summary>
internal sealed record IndexedPicture(int Width, int Height, byte[] Pixels);

/// <summary>
/// Draws subtitle text the way discs do (a light fill inside a dark outline on a transparent ground) with
/// SkiaSharp and DejaVu Sans, reduced to four palette indexes so the PGS and VobSub writers can encode it.
/// </summary>
internal static class CaptionRenderer
{
    private const string FontFile = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    private static readonly Lazy<SKTypeface> Typeface = new(() =>
        (File.Exists(FontFile) ? SKTypeface.FromFile(FontFile) : SKTypeface.FromFamilyName("DejaVu Sans"))
        ?? throw new InvalidOperationException("No DejaVu Sans font found: install fonts-dejavu-core."));

    /// <param name="text">One or more lines separated by '\n'.</param>
    public static IndexedPicture Render(string text, float fontSize = 44)
    {
        using var font = new SKFont(Typeface.Value, fontSize);
        var lines = text.Split('\n');
        var outline = Math.Max(2f, fontSize / 12);
        var padding = (int)Math.Ceiling(outline) + 4;
        var lineHeight = (int)Math.Ceiling(font.Spacing);
        var width = (int)Math.Ceiling(lines.Max(line => font.MeasureText(line))) + (2 * padding);
        var height = (lines.Length * lineHeight) + (2 * padding);
        var fill = Draw(lines, font, width, height, padding, lineHeight, strokeWidth: 0);
        var stroke = Draw(lines, font, width, height, padding, lineHeight, strokeWidth: outline * 2);
        var pixels = new byte[width * height];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = fill[i] >= 160 ? (byte)1 : fill[i] >= 80 ? (byte)3 : stroke[i] >= 96 ? (byte)2 : (byte)0;
        }

        return new IndexedPicture(width, height, pixels);
    }

    private static byte[] Draw(string[] lines, SKFont font, int width, int height, int padding, int lineHeight, float strokeWidth)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Alpha8, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { Color = SKColors.White, IsAntialias = true })
        {
            canvas.Clear(SKColors.Transparent);
            if (strokeWidth > 0)
            {
                paint.Style = SKPaintStyle.StrokeAndFill;
                paint.StrokeWidth = strokeWidth;
                paint.StrokeJoin = SKStrokeJoin.Round;
            }

            for (var line = 0; line < lines.Length; line++)
            {
                canvas.DrawText(lines[line], padding, padding + (line * lineHeight) - font.Metrics.Ascent, SKTextAlign.Left, font, paint);
            }
        }

        return bitmap.GetPixelSpan().ToArray();
    }
}
