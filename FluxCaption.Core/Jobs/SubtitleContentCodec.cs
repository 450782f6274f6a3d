using FluxCaption.Core.Subtitles;

namespace FluxCaption.Core.Jobs;

/// <summary>Stored subtitle text through the Subtitles component's parser, writer and converter.</summary>
internal sealed class SubtitleContentCodec : ISubtitleContentCodec
{
    public SubtitleDocument Read(string content, SubtitleFormat format)
    {
        try
        {
            return SubtitleParser.Parse(content, format);
        }
        catch (SubtitleFormatException exception)
        {
            throw new JobFailureException(JobErrorCodes.ParseError, exception.Message, isTransient: false, exception);
        }
    }

    public string Write(SubtitleDocument document) => SubtitleWriter.Write(document);

    public SubtitleDocument Convert(SubtitleDocument document, SubtitleFormat format) => SubtitleConverter.Convert(document, format);
}
