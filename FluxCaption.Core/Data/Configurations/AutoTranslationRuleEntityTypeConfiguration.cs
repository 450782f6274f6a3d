using FluxCaption.Core.Libraries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FluxCaption.Core.Data.Configurations;

internal sealed class AutoTranslationRuleEntityTypeConfiguration : IEntityTypeConfiguration<AutoTranslationRule>
{
    public void Configure(EntityTypeBuilder<AutoTranslationRule> builder)
    {
        builder.ToTable("auto_translation_rules");
        builder.HasKey(rule => rule.Id);
        builder.Property(rule => rule.Name).HasMaxLength(200);
        builder.Property(rule => rule.Engine).HasMaxLength(64);
        builder.Property(rule => rule.Model).HasMaxLength(200);
        builder.Property(rule => rule.Cron).HasMaxLength(120);
        builder.Property(rule => rule.LastRunStatus).HasMaxLength(16);
    }
}
