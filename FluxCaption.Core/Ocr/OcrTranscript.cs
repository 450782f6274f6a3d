using FluxCaption.Core.Subtitles;

namespace FluxCaption.Core.Ocr;

/// <summary>The text read from a bitmap track, as an SRT document with one cue per caption that held text.</summary>
/// <param name="Captions">Captions decoded from the track.</param>
/// <param name="EmptyCaptions">Captions in which Tesseract found no text (left out of <paramref name="Document"/>).</param>
/// <param name="Warnings">Things the user should know (captions skipped as unreadable, a language pack missing and the fallback used).</param>
public sealed record OcrTranscript(SubtitleDocument Document, int Captions, int EmptyCaptions, IReadOnlyList<string> Warnings);
