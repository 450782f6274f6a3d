using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace FluxCaption.Core.Libraries.Jellyfin;

public sealed partial class JellyfinMediaSource
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <remarks>
    /// Safe to call twice: when an external stream in the same language slot already holds exactly these
    /// bytes (a retry after a crash between upload and record), its path is returned and nothing is uploaded.
    /// Our previous file is deleted first, so the server never falls back to <c>.0.</c>/<c>.1.</c> names, and
    /// only when it still holds the bytes we wrote: a file someone edited since is left alone.
    /// </remarks>
    public async Task<SubtitleWriteResult> WriteSubtitleAsync(
        LibraryEntity library, MediaItemEntity item, SubtitleWriteRequest request, CancellationToken cancellationToken)
    {
        var bytes = Utf8NoBom.GetBytes(request.Content);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var extension = JellyfinSubtitleNames.Extension(request.Format);
        var language = JellyfinSubtitleNames.UploadLanguage(request.Language);

        var fresh = await ReadFreshAsync(item, cancellationToken);
        foreach (var candidate in ExternalSubtitles(fresh).Where(stream => InSlot(stream, request, language, extension)))
        {
            if (await HashOfAsync(fresh, candidate, extension, cancellationToken) == hash)
            {
                LogAlreadyWritten(logger, fresh.Id, candidate.Path);
                return new SubtitleWriteResult(candidate.Path, hash);
            }
        }

        if (request.Previous is { Path: { Length: > 0 } previousPath } previous
            && ExternalSubtitles(fresh).FirstOrDefault(stream => stream.Path == previousPath) is { } ours)
        {
            var previousHash = string.IsNullOrEmpty(previous.ContentHash)
                ? null
                : await HashOfAsync(fresh, ours, Path.GetExtension(previousPath).TrimStart('.'), cancellationToken);
            if (string.IsNullOrEmpty(previous.ContentHash) || previousHash == previous.ContentHash)
            {
                await client.DeleteSubtitleAsync(fresh.Id, ours.Index, cancellationToken);
                fresh = await ReadFreshAsync(item, cancellationToken);
            }
            else if (previousHash is not null)
            {
                LogPreviousEdited(logger, fresh.Id, previousPath);
            }
            else
            {
                // It vanished between our read and the download: nothing to delete; read the streams again.
                fresh = await ReadFreshAsync(item, cancellationToken);
            }
        }

        var before = ExternalSubtitles(fresh).Select(stream => stream.Path).ToHashSet(StringComparer.Ordinal);
        await client.UploadSubtitleAsync(
            fresh.Id,
            new JellyfinSubtitleUpload(language, extension, request.IsForced, request.IsHearingImpaired, Convert.ToBase64String(bytes)),
            cancellationToken);
        var path = await WaitForNewStreamAsync(item, before, request, language, extension, cancellationToken);
        return new SubtitleWriteResult(path, hash);
    }

    // Jellyfin answers 204 and refreshes the item on its own a moment later; a Refresh call of ours would only race it.
    private async Task<string?> WaitForNewStreamAsync(
        MediaItemEntity item, HashSet<string?> before, SubtitleWriteRequest request, string language, string extension, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var deadline = time.GetUtcNow() + settings.UploadVisibleTimeout;
        while (true)
        {
            await Task.Delay(settings.UploadPollInterval, time, cancellationToken);
            var fresh = await ReadFreshAsync(item, cancellationToken);
            // Only a new file in our slot is ours: a sidecar someone else adds meanwhile is not.
            var ours = ExternalSubtitles(fresh).FirstOrDefault(stream => !before.Contains(stream.Path) && InSlot(stream, request, language, extension));
            if (ours is not null)
            {
                return ours.Path;
            }

            if (time.GetUtcNow() >= deadline)
            {
                throw new MediaSourceException("write_not_visible",
                    $"Jellyfin accepted the {request.Language} subtitle for \"{item.Title}\" but did not list it within {settings.UploadVisibleTimeout.TotalSeconds:0.#} s; a retry will find it instead of uploading again.");
            }
        }
    }

    private static IEnumerable<JellyfinMediaStream> ExternalSubtitles(JellyfinItem item) =>
        (item.MediaStreams ?? []).Where(stream => stream is { Type: "Subtitle", IsExternal: true } && !string.IsNullOrEmpty(stream.Path));

    // The file Jellyfin would write for this request: same language, flags and extension.
    private static bool InSlot(JellyfinMediaStream stream, SubtitleWriteRequest request, string language, string extension)
    {
        var name = Path.GetFileName(stream.Path ?? "").ToLowerInvariant();
        return name.EndsWith("." + extension, StringComparison.Ordinal)
            && stream.IsForced == request.IsForced
            && stream.IsHearingImpaired == request.IsHearingImpaired
            && (TrackLanguage.Resolve(stream.Language, stream.Title) == request.Language
                || name.Contains("." + language + ".", StringComparison.Ordinal));
    }

    /// <summary>The SHA-256 of an external stream's bytes, or null when the stream vanished before it could be read.</summary>
    private async Task<string?> HashOfAsync(JellyfinItem fresh, JellyfinMediaStream stream, string extension, CancellationToken cancellationToken)
    {
        // Asked in its own format, Jellyfin returns the file's bytes unchanged.
        var download = await DownloadStreamAsync(
            fresh, stream, again => ExternalSubtitles(again).FirstOrDefault(other => other.Path == stream.Path), extension, cancellationToken);
        return download.Bytes is { } bytes ? Convert.ToHexStringLower(SHA256.HashData(bytes)) : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Jellyfin item {ItemId} already has this subtitle at {Path}; not uploading it again")]
    private static partial void LogAlreadyWritten(ILogger logger, string itemId, string? path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Our earlier subtitle {Path} of Jellyfin item {ItemId} was changed by someone else; it is kept and the new one is added beside it")]
    private static partial void LogPreviousEdited(ILogger logger, string itemId, string path);
}
