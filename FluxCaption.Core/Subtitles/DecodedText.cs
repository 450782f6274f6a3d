namespace FluxCaption.Core.Subtitles;

/// <summary>Text decoded from a file's bytes, the encoding it was read as, and whether a BOM said so.</summary>
public sealed record DecodedText(string Text, string EncodingName, bool HadByteOrderMark);
