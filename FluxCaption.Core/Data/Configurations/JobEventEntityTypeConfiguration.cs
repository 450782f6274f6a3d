using FluxCaption.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FluxCaption.Core.Data.Configurations;

internal sealed class JobEventEntityTypeConfiguration : IEntityTypeConfiguration<JobEventEntity>
{
    public void Configure(EntityTypeBuilder<JobEventEntity> builder)
    {
        builder.ToTable("job_events");
        builder.HasKey(jobEvent => jobEvent.Id);
        builder.Property(jobEvent => jobEvent.Id).UseIdentityByDefaultColumn();
        builder.Property(jobEvent => jobEvent.Type).HasMaxLength(64);
        builder.Property(jobEvent => jobEvent.Data).HasColumnType("jsonb");
        builder.HasIndex(jobEvent => new { jobEvent.JobId, jobEvent.Id });
        builder.HasOne<Job>().WithMany().HasForeignKey(jobEvent => jobEvent.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
