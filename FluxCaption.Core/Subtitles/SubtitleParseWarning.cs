namespace FluxCaption.Core.Subtitles;

/// <summary>A problem the parser recovered from: where (1-based line) and what it did about it.</summary>
public sealed record SubtitleParseWarning(int Line, string Message);
