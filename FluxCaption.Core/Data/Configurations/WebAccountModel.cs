using FluxCaption.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Core.Data.Configurations;

/// <summary>
/// Identity's tables under the names the rest of the schema uses (`users`, as the architecture's data
/// model calls it, and `user_*` beside it) instead of Identity's `AspNet*` defaults.
/// </summary>
internal static class WebAccountModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WebAccount>(account =>
        {
            account.ToTable("users");
            account.Property(a => a.CreatedAt).HasDefaultValueSql("now()");
            account.HasIndex(a => a.NormalizedUserName).HasDatabaseName("ux_users_normalized_user_name");
            account.HasIndex(a => a.NormalizedEmail).HasDatabaseName("ix_users_normalized_email");
        });
        modelBuilder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        modelBuilder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        modelBuilder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
    }
}
