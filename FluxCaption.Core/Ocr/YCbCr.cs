namespace FluxCaption.Core.Ocr;

/// <summary>
/// Colour conversion for PGS palettes, which store studio-range Y'CbCr. BT.709 is used because PGS is an HD
/// format; for OCR the exact matrix matters little, since only brightness and alpha decide what is text.
/// </summary>
public static class YCbCr
{
    public static (byte Red, byte Green, byte Blue) ToRgb(byte y, byte cb, byte cr)
    {
        var luma = 1.164 * (y - 16);
        return (Clamp(luma + (1.793 * (cr - 128))),
            Clamp(luma - (0.213 * (cb - 128)) - (0.533 * (cr - 128))),
            Clamp(luma + (2.112 * (cb - 128))));
    }

    public static (byte Y, byte Cb, byte Cr) FromRgb(byte red, byte green, byte blue) =>
        (Clamp(16 + (0.183 * red) + (0.614 * green) + (0.062 * blue)),
            Clamp(128 - (0.101 * red) - (0.339 * green) + (0.439 * blue)),
            Clamp(128 + (0.439 * red) - (0.399 * green) - (0.040 * blue)));

    private static byte Clamp(double value) => (byte)Math.Clamp(Math.Round(value), 0, 255);
}
