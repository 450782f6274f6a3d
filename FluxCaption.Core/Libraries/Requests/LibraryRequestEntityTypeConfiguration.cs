using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FluxCaption.Core.Libraries.Requests;

internal sealed class LibraryRequestEntityTypeConfiguration : IEntityTypeConfiguration<LibraryRequest>
{
    public void Configure(EntityTypeBuilder<LibraryRequest> builder)
    {
        builder.ToTable("library_requests");
        builder.HasKey(request => request.Id);
        builder.Property(request => request.Kind).HasMaxLength(32).HasConversion(
            kind => KindName(kind), name => ParseKind(name));
        builder.Property(request => request.Target).HasMaxLength(200);
        builder.Property(request => request.DedupeKey).HasMaxLength(240);
        builder.Property(request => request.LeaseOwner).HasMaxLength(200);

        // The same request asked for twice while the first still waits is one row. A running or
        // failed row is outside the index, so asking again while it runs queues a fresh run.
        // LibraryRequestStore's INSERT ... ON CONFLICT repeats this filter to name the index.
        builder.HasIndex(request => request.DedupeKey)
            .IsUnique()
            .HasFilter("lease_owner IS NULL AND finished_at IS NULL")
            .HasDatabaseName("ix_library_requests_waiting_dedupe_key");

        // Claims scan unfinished rows in request order; the purge scans finished ones by age.
        builder.HasIndex(request => new { request.FinishedAt, request.RequestedAt });
    }

    internal static string KindName(LibraryRequestKind kind) => kind switch
    {
        LibraryRequestKind.Sync => "sync",
        LibraryRequestKind.FullSync => "full_sync",
        LibraryRequestKind.RuleRun => "rule_run",
        LibraryRequestKind.JellyfinItemAdded => "jellyfin_item_added",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown library request kind."),
    };

    private static LibraryRequestKind ParseKind(string name) => name switch
    {
        "sync" => LibraryRequestKind.Sync,
        "full_sync" => LibraryRequestKind.FullSync,
        "rule_run" => LibraryRequestKind.RuleRun,
        "jellyfin_item_added" => LibraryRequestKind.JellyfinItemAdded,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown library request kind."),
    };
}
