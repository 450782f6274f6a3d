using System.Text.Json;
using FluxCaption.Core.Libraries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FluxCaption.Core.Data.Configurations;

internal sealed class MediaItemEntityTypeConfiguration : IEntityTypeConfiguration<MediaItemEntity>
{
    private static readonly JsonSerializerOptions StreamJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public void Configure(EntityTypeBuilder<MediaItemEntity> builder)
    {
        builder.ToTable("media_items");
        builder.HasKey(item => item.Id);
        builder.Property(item => item.Source).HasMaxLength(16);
        builder.Property(item => item.ExternalId).HasMaxLength(1000);
        builder.Property(item => item.Kind).HasMaxLength(32);
        builder.Property(item => item.ChangeTag).HasMaxLength(200);
        builder.Property(item => item.Streams)
            .HasColumnType("jsonb")
            .HasConversion(
                tracks => JsonSerializer.Serialize(tracks, StreamJson),
                json => JsonSerializer.Deserialize<List<MediaTrack>>(json, StreamJson) ?? new List<MediaTrack>(),
                new ValueComparer<List<MediaTrack>>(
                    (left, right) => left!.SequenceEqual(right!),
                    tracks => tracks.Aggregate(0, (hash, track) => HashCode.Combine(hash, track.GetHashCode())),
                    tracks => tracks.ToList()));
        // Unique per library, not per source: two local roots may both hold "Movies/Film.mkv".
        builder.HasIndex(item => new { item.LibraryId, item.ExternalId }).IsUnique();
        builder.HasIndex(item => new { item.Source, item.ExternalId });
        builder.HasIndex(item => new { item.LibraryId, item.GoneAt });
        builder.HasOne<LibraryEntity>().WithMany().HasForeignKey(item => item.LibraryId).OnDelete(DeleteBehavior.Cascade);
    }
}
