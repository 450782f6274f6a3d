using FluxCaption.Core.Subtitles;

namespace FluxCaption.Core.Jobs;

/// <summary>
/// The one seam between the job pipeline and the subtitle parsers/writers: stored documents are text
/// in their own format, and this turns them into <see cref="SubtitleDocument"/>s and back.
/// </summary>
internal interface ISubtitleContentCodec
{
    /// <summary>Parses stored content; throws <see cref="JobFailureException"/> with <see cref="JobErrorCodes.ParseError"/> when it cannot.</summary>
    SubtitleDocument Read(string content, SubtitleFormat format);

    string Write(SubtitleDocument document);

    SubtitleDocument Convert(SubtitleDocument document, SubtitleFormat format);
}
