using System.Security.Cryptography;
using System.Text;
using FluxCaption.Core.Languages;
using FluxCaption.Core.Subtitles;
using Microsoft.Extensions.Logging;

namespace FluxCaption.Core.Libraries.Local;

/// <summary>
/// Writes <c>name.&lt;lang&gt;[.forced][.sdh].&lt;ext&gt;</c> next to a video: through a hidden temp file and a
/// rename, so a reader never sees half a file. A file already at that name is replaced only when it is
/// our previous write, unchanged (path and SHA-256 match); identical content is left as it is.
/// </summary>
internal sealed class LocalSidecarWriter(ILogger logger)
{
    public const string WriteRefused = "write_refused";

    public const string SidecarExists = "sidecar_exists";

    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    public async Task<SubtitleWriteResult> WriteAsync(LocalRoot root, LocalVideo video, SubtitleWriteRequest request, CancellationToken cancellationToken)
    {
        var name = FileName(video, request);
        var lexicalFolder = Path.GetDirectoryName(video.LexicalPath)!;
        var lexicalTarget = Path.Combine(lexicalFolder, name);
        // Beside the video as players see it: a video that is itself a link gets its sidecar next to the link.
        var realTarget = Path.Combine(LocalPaths.RealPath(lexicalFolder) ?? Path.GetDirectoryName(video.RealPath)!, name);
        var bytes = Utf8WithoutBom.GetBytes(request.Content);
        var hash = Hash(bytes);

        if (new FileInfo(realTarget).LinkTarget is not null)
        {
            throw new MediaSourceException(SidecarExists,
                $"'{lexicalTarget}' is a symbolic link; FluxCaption never replaces links. Remove it to let FluxCaption write its subtitle.");
        }

        if (File.Exists(realTarget))
        {
            var existing = await HashFileAsync(realTarget, cancellationToken);
            if (existing == hash)
            {
                // A retried write-back (or a rewrite with the same text): the file is already what we would write.
                DeletePrevious(root, request.Previous, realTarget);
                return new SubtitleWriteResult(lexicalTarget, hash);
            }

            if (!IsOurs(root, request.Previous, realTarget, existing))
            {
                throw new MediaSourceException(SidecarExists,
                    $"'{lexicalTarget}' already exists and FluxCaption did not write it (or it was edited since). FluxCaption never overwrites such a file: rename or delete it to let FluxCaption write its subtitle.");
            }

            await WriteAtomicallyAsync(realTarget, bytes, overwrite: true, cancellationToken);
        }
        else
        {
            try
            {
                await WriteAtomicallyAsync(realTarget, bytes, overwrite: false, cancellationToken);
            }
            catch (IOException) when (File.Exists(realTarget))
            {
                throw new MediaSourceException(SidecarExists, $"'{lexicalTarget}' appeared while FluxCaption was writing it; it was left as it is.");
            }
        }

        DeletePrevious(root, request.Previous, realTarget);
        logger.LogInformation("Wrote subtitle {Path} ({Language})", lexicalTarget, request.Language);
        return new SubtitleWriteResult(lexicalTarget, hash);
    }

    /// <summary>
    /// The sidecar name: the canonical tag as is ("en", "fr", "pt-BR", "zh-Hans", "fil"), which Jellyfin,
    /// Plex and FluxCaption itself all read back as the same language (see docs/local-folders.md).
    /// </summary>
    public static string FileName(LocalVideo video, SubtitleWriteRequest request)
    {
        if (!LanguageCodes.TryNormalize(request.Language, out var tag) || LanguageCodes.IsUndetermined(tag))
        {
            throw new MediaSourceException("invalid_language", $"'{request.Language}' is not a language a subtitle file can be named with.");
        }

        var name = new StringBuilder(Path.GetFileNameWithoutExtension(video.LexicalPath)).Append('.').Append(tag);
        if (request.IsForced)
        {
            name.Append(".forced");
        }

        if (request.IsHearingImpaired)
        {
            name.Append(".sdh");
        }

        return name.Append(SubtitleFile.Extension(request.Format)).ToString();
    }

    public static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static async Task<string> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    private static bool IsOurs(LocalRoot root, WrittenSubtitleEntity? previous, string realTarget, string existingHash) =>
        previous?.Path is { } previousPath
        && string.Equals(previous.ContentHash, existingHash, StringComparison.OrdinalIgnoreCase)
        && RealPathOf(root, previousPath) == realTarget;

    private static string? RealPathOf(LocalRoot root, string path)
    {
        try
        {
            return LocalPaths.ResolveFull(root.Lexical, root.Real, path)?.Real;
        }
        catch (MediaSourceException)
        {
            return null;
        }
    }

    private static async Task WriteAtomicallyAsync(string target, byte[] bytes, bool overwrite, CancellationToken cancellationToken)
    {
        // Hidden (dot) name in the same folder: the rename stays on one file system and walks skip it.
        var temp = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.fluxcaption-tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(bytes, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            // Without overwrite the move fails if the name was taken meanwhile: a foreign file is never replaced.
            File.Move(temp, target, overwrite);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private void DeletePrevious(LocalRoot root, WrittenSubtitleEntity? previous, string realTarget)
    {
        if (previous?.Path is not { } previousPath)
        {
            return;
        }

        var real = RealPathOf(root, previousPath);
        if (real is null || real == realTarget || !File.Exists(real))
        {
            return;
        }

        var onDisk = Hash(File.ReadAllBytes(real));
        if (!string.Equals(onDisk, previous.ContentHash, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning("Left {Path} in place: it changed since FluxCaption wrote it", previousPath);
            return;
        }

        File.Delete(real);
        logger.LogInformation("Deleted our previous subtitle {Path}", previousPath);
    }
}
