using FluxCaption.Core.Libraries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FluxCaption.Core.Data.Configurations;

internal sealed class LibraryEntityTypeConfiguration : IEntityTypeConfiguration<LibraryEntity>
{
    public void Configure(EntityTypeBuilder<LibraryEntity> builder)
    {
        builder.ToTable("libraries");
        builder.HasKey(library => library.Id);
        builder.Property(library => library.Source).HasMaxLength(16);
        builder.Property(library => library.ExternalId).HasMaxLength(200);
        builder.Property(library => library.Name).HasMaxLength(300);
        builder.Property(library => library.LastSyncStatus).HasMaxLength(16);
        builder.HasIndex(library => new { library.Source, library.ExternalId }).IsUnique();
    }
}
