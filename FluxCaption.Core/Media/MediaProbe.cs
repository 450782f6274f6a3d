using System.ComponentModel;
using FFMpegCore;
using FFMpegCore.Exceptions;
using FluxCaption.Core.Libraries;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FluxCaption.Core.Media;

/// <summary>ffprobe through FFMpegCore, normalised to <see cref="MediaTrack"/>s (languages through <see cref="TrackLanguage"/>).</summary>
public sealed class MediaProbe(IOptions<MediaOptions> options, ILogger<MediaProbe> logger) : IMediaProbe
{
    public async Task<MediaProbeResult> ProbeAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var settings = options.Value;
        MediaTools.EnsureInstalled(settings, "ffprobe");
        if (!File.Exists(path))
        {
            throw new MediaToolException(MediaToolException.FileNotFound, $"The media file '{path}' does not exist.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.ProbeTimeout);
        IMediaAnalysis analysis;
        try
        {
            analysis = await FFProbe.AnalyseAsync(path, MediaTools.FFOptions(settings), null, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MediaToolException(MediaToolException.TimedOut,
                $"ffprobe did not finish reading '{path}' within {settings.ProbeTimeout} (Media:ProbeTimeout).");
        }
        catch (Win32Exception exception)
        {
            throw new MediaToolException(MediaToolException.ToolMissing, $"ffprobe could not be started: {exception.Message}", exception);
        }
        catch (Exception exception) when (exception is FFMpegException or FFProbeException or System.Text.Json.JsonException
            or UnauthorizedAccessException or IOException)
        {
            logger.LogDebug(exception, "ffprobe could not read {Path}", path);
            throw new MediaToolException(MediaToolException.UnreadableFile,
                $"ffprobe could not read '{path}': it is not a media file, is damaged, or cannot be opened.", exception);
        }

        var tracks = analysis.AudioStreams.Select(stream => ToTrack(stream, MediaTrackKind.Audio))
            .Concat(analysis.SubtitleStreams.Select(stream => ToTrack(stream, MediaTrackKind.Subtitle)))
            .OrderBy(track => track.Index)
            .ToList();
        var duration = analysis.Duration > TimeSpan.Zero ? analysis.Duration : (TimeSpan?)null;
        return new MediaProbeResult(path, duration, tracks);
    }

    private static MediaTrack ToTrack(MediaStream stream, MediaTrackKind kind)
    {
        var title = stream.Tags is not null && stream.Tags.TryGetValue("title", out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : null;
        var rawLanguage = string.IsNullOrWhiteSpace(stream.Language) ? null : stream.Language;
        var codec = stream.CodecName?.ToLowerInvariant();
        return new MediaTrack
        {
            Kind = kind,
            Index = stream.Index,
            Language = TrackLanguage.Resolve(rawLanguage, title),
            RawLanguage = rawLanguage,
            Codec = codec,
            Title = title,
            IsDefault = Flag(stream, "default"),
            IsForced = Flag(stream, "forced"),
            IsHearingImpaired = Flag(stream, "hearing_impaired"),
            IsCommentary = kind == MediaTrackKind.Audio && Flag(stream, "comment"),
            IsAudioDescription = kind == MediaTrackKind.Audio && Flag(stream, "visual_impaired"),
            IsText = kind == MediaTrackKind.Subtitle && SubtitleCodecs.IsText(codec),
        };
    }

    private static bool Flag(MediaStream stream, string name) =>
        stream.Disposition is not null && stream.Disposition.TryGetValue(name, out var set) && set;
}
