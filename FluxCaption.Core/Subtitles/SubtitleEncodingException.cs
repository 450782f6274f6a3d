namespace FluxCaption.Core.Subtitles;

/// <summary>The bytes cannot be read as text in any encoding we recognise (binary data, an image, garbage).</summary>
public sealed class SubtitleEncodingException : Exception
{
    public SubtitleEncodingException(string message)
        : base(message)
    {
    }

    public SubtitleEncodingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SubtitleEncodingException()
        : base("The file is not text.")
    {
    }
}
