namespace FluxCaption.Core.Subtitles;

/// <summary>The text is not a valid subtitle file of the expected format; <see cref="Line"/> is 1-based (0 when not tied to a line).</summary>
public sealed class SubtitleFormatException : Exception
{
    public SubtitleFormatException(int line, string message)
        : base(line > 0 ? $"line {line}: {message}" : message)
    {
        Line = line;
    }

    public SubtitleFormatException(string message)
        : this(0, message)
    {
    }

    public SubtitleFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SubtitleFormatException()
        : base("The subtitle file is not valid.")
    {
    }

    public int Line { get; }
}
