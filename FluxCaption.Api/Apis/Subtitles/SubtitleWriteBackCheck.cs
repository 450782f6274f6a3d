using FluxCaption.Contracts.Subtitles;
using FluxCaption.Core.Data;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Libraries;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Api.Apis.Subtitles;

/// <summary>
/// Whether a version can be written back to where its job wrote, and if not, why, in words for the
/// person asking. Only a translation that is a library job's result goes back; anything else stays in
/// FluxCaption and is downloaded instead.
/// </summary>
internal static class SubtitleWriteBackCheck
{
    /// <returns>Null when the version can be written back; otherwise the reason it cannot (one of <see cref="WriteBackBlockedCodes"/> and a sentence).</returns>
    public static async Task<WriteBackBlock?> WhyNotAsync(
        FluxCaptionDbContext db, SubtitleDocumentEntity version, Job? resultJob, CancellationToken cancellationToken)
    {
        var kind = SubtitleStore.KindOf(version.Origin);
        if (kind != SubtitleKinds.Translation)
        {
            return new(WriteBackBlockedCodes.NotATranslation, $"Only a translation is written back; this subtitle is a {kind}. Download it instead.");
        }

        if (resultJob is null)
        {
            return new(WriteBackBlockedCodes.NoJob, "No job holds this translation any more (its job translated again since); download it instead.");
        }

        if (resultJob.MediaItemId is not { } itemId)
        {
            return new(WriteBackBlockedCodes.Upload, "This translation comes from an uploaded file, so there is nowhere to write it back; download it instead.");
        }

        if (resultJob.Status != JobStatus.Succeeded)
        {
            return new(WriteBackBlockedCodes.JobNotSucceeded, $"Its job is {resultJob.Status.ToString().ToLowerInvariant()}; a version can be written back once the job has succeeded.");
        }

        var library = await db.MediaItems.AsNoTracking().Where(item => item.Id == itemId)
            .Join(db.Libraries, item => item.LibraryId, library => library.Id, (item, library) => library)
            .SingleOrDefaultAsync(cancellationToken);
        if (library is null)
        {
            return new(WriteBackBlockedCodes.ItemMissing, "The media item of this translation no longer exists; download it instead.");
        }

        if (library.Source == MediaSourceKind.Local && !library.WriteBack)
        {
            return new(WriteBackBlockedCodes.ReadOnlyLibrary, $"The library \"{library.Name}\" is read-only (write-back is off); download the subtitle instead.");
        }

        var written = await db.WrittenSubtitles.AsNoTracking().SingleOrDefaultAsync(write => write.JobId == resultJob.Id, cancellationToken);
        if (written is not null && written.WrittenAt >= version.CreatedAt)
        {
            // The write-back stage replaces its subtitle only with a newer result than it wrote.
            return resultJob.ResultDocumentId == version.Id
                ? new(WriteBackBlockedCodes.AlreadyWritten, "This version is already written back.")
                : new(WriteBackBlockedCodes.OlderVersion, "This version is older than the one written back; save it as a new version to write it back again.");
        }

        return null;
    }
}

/// <summary>Why a version cannot be written back: a code from <see cref="WriteBackBlockedCodes"/> and the sentence for a person.</summary>
internal sealed record WriteBackBlock(string Code, string Reason);
