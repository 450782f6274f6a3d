using FluxCaption.Core.Libraries;
using FluxCaption.Tests.Libraries.Sync;

namespace FluxCaption.Tests.Libraries.Gaps;

/// <summary>Stores media items as a sync would have left them, seen an hour ago, with English audio and the given subtitles.</summary>
internal static class PlannerItems
{
    public static Task<Dictionary<string, Guid>> AddAsync(LibraryTestHost host, Guid libraryId, params (string ExternalId, MediaTrack[] Subtitles)[] items) =>
        host.WithDbAsync(async db =>
        {
            var seen = DateTimeOffset.UtcNow.AddHours(-1);
            var ids = new Dictionary<string, Guid>();
            foreach (var (externalId, subtitles) in items)
            {
                var id = Guid.CreateVersion7();
                ids[externalId] = id;
                db.MediaItems.Add(new MediaItemEntity
                {
                    Id = id, LibraryId = libraryId, Source = MediaSourceKind.Jellyfin, ExternalId = $"{libraryId:N}-{externalId}",
                    Path = $"/media/{externalId}.mkv", Title = externalId, Kind = "Movie",
                    Streams = [SampleItems.EnglishAudio, .. subtitles], ChangeTag = "v1",
                    FirstSeenAt = seen, LastSeenAt = seen, UpdatedAt = seen,
                });
            }

            await db.SaveChangesAsync();
            return ids;
        });
}
