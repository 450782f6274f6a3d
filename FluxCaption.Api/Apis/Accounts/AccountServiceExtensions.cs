using FluxCaption.Core.Accounts;
using FluxCaption.Core.Data;
using Microsoft.Extensions.Options;

namespace FluxCaption.Api.Apis.Accounts;

public static class AccountServiceExtensions
{
    /// <summary>Identity's user manager on the Api's database (no cookies here: the Web app keeps those).</summary>
    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AccountOptions>()
            .BindConfiguration(AccountOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => string.IsNullOrWhiteSpace(o.Administrator.UserName) == string.IsNullOrEmpty(o.Administrator.Password),
                "Auth:Administrator needs both UserName and Password, or neither.")
            .ValidateOnStart();

        services.AddIdentityCore<WebAccount>()
            .AddEntityFrameworkStores<FluxCaptionDbContext>();
        services.AddOptions<Microsoft.AspNetCore.Identity.IdentityOptions>()
            .Configure<IOptions<AccountOptions>>((identity, accounts) =>
            {
                identity.Lockout.AllowedForNewUsers = true;
                identity.Lockout.MaxFailedAccessAttempts = accounts.Value.MaxFailedAttempts;
                identity.Lockout.DefaultLockoutTimeSpan = accounts.Value.LockoutDuration;
                identity.Password.RequiredLength = accounts.Value.PasswordMinimumLength;
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequiredUniqueChars = 1;

                // Any script may name an account (a Chinese name, say); only blank names are refused.
                identity.User.AllowedUserNameCharacters = "";
            });
        services.AddScoped<AccountDirectory>();
        services.AddHostedService<AdministratorSeeder>();
        return builder;
    }
}
