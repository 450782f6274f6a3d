using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluxCaption.Contracts.Accounts;
using FluxCaption.Tests.Infrastructure;

namespace FluxCaption.Tests.Api.Accounts;

/// <summary>/api/accounts on the real Api and PostgreSQL: the first administrator, password checks, lockout, password changes.</summary>
public sealed class AccountsApiTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private const string Password = "correct horse battery";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ApiFactory _factory = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await ApiFactory.CreateAsync(postgres, redis, new Dictionary<string, string?>
        {
            ["Auth:MaxFailedAttempts"] = "3",
            ["Auth:LockoutDuration"] = "00:10:00",
        });
        _client = _factory.CreateAuthorizedClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task TheFirstAdministratorCanBeCreatedOnlyOnce()
    {
        (await StatusAsync()).AdministratorExists.ShouldBeFalse();

        using var first = await _client.PostAsJsonAsync("/api/accounts/administrator", new CreateAdministratorRequest(" admin ", Password), Ct);
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var account = (await first.Content.ReadFromJsonAsync<AccountResponse>(Ct))!;
        account.UserName.ShouldBe("admin");
        first.Headers.Location!.OriginalString.ShouldBe($"/api/accounts/{account.Id}");
        (await StatusAsync()).AdministratorExists.ShouldBeTrue();

        using var second = await _client.PostAsJsonAsync("/api/accounts/administrator", new CreateAdministratorRequest("intruder", Password), Ct);
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await CheckAsync("intruder", Password)).Outcome.ShouldBe(PasswordCheckOutcomes.Rejected);
    }

    [Fact]
    public async Task AShortPasswordIsRefusedByFieldWithItsCode()
    {
        using var response = await _client.PostAsJsonAsync("/api/accounts/administrator", new CreateAdministratorRequest("admin", "short"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("errors").GetProperty("password")[0].GetString()!.ShouldContain("8");
        problem.GetProperty("codes").GetProperty("password")[0].GetString().ShouldBe(AccountErrorCodes.PasswordTooShort);
        (await StatusAsync()).AdministratorExists.ShouldBeFalse();
    }

    [Fact]
    public async Task TheRightPasswordSucceedsAndAWrongOneIsRejected()
    {
        var admin = await CreateAdministratorAsync();

        var right = await CheckAsync("ADMIN", Password);
        right.Outcome.ShouldBe(PasswordCheckOutcomes.Succeeded);
        right.Account!.Id.ShouldBe(admin.Id);
        right.Account.SecurityStamp.ShouldBe(admin.SecurityStamp);
        (await CheckAsync("admin", "wrong password")).Outcome.ShouldBe(PasswordCheckOutcomes.Rejected);
        (await CheckAsync("nobody", Password)).Outcome.ShouldBe(PasswordCheckOutcomes.Rejected);
    }

    [Fact]
    public async Task RepeatedWrongPasswordsLockTheAccountUntilATimeEvenForTheRightPassword()
    {
        await CreateAdministratorAsync();
        var before = DateTimeOffset.UtcNow;

        (await CheckAsync("admin", "wrong 1")).Outcome.ShouldBe(PasswordCheckOutcomes.Rejected);
        (await CheckAsync("admin", "wrong 2")).Outcome.ShouldBe(PasswordCheckOutcomes.Rejected);
        var third = await CheckAsync("admin", "wrong 3");

        third.Outcome.ShouldBe(PasswordCheckOutcomes.LockedOut);
        third.LockedOutUntil!.Value.ShouldBeInRange(before.AddMinutes(10), DateTimeOffset.UtcNow.AddMinutes(10).AddSeconds(5));
        var right = await CheckAsync("admin", Password);
        right.Outcome.ShouldBe(PasswordCheckOutcomes.LockedOut);
        right.Account.ShouldBeNull();
    }

    [Fact]
    public async Task ASuccessfulSignInForgetsEarlierFailures()
    {
        await CreateAdministratorAsync();
        await CheckAsync("admin", "wrong 1");
        await CheckAsync("admin", "wrong 2");
        (await CheckAsync("admin", Password)).Outcome.ShouldBe(PasswordCheckOutcomes.Succeeded);

        (await CheckAsync("admin", "wrong 3")).Outcome.ShouldBe(PasswordCheckOutcomes.Rejected);
        (await CheckAsync("admin", "wrong 4")).Outcome.ShouldBe(PasswordCheckOutcomes.Rejected);
    }

    [Fact]
    public async Task ChangingThePasswordRetiresTheOldOneAndTheSecurityStamp()
    {
        var admin = await CreateAdministratorAsync();

        using var response = await _client.PutAsJsonAsync($"/api/accounts/{admin.Id}/password", new ChangePasswordRequest(Password, "a brand new passphrase"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var changed = (await response.Content.ReadFromJsonAsync<AccountResponse>(Ct))!;
        changed.SecurityStamp.ShouldNotBe(admin.SecurityStamp);
        (await _client.GetFromJsonAsync<AccountResponse>($"/api/accounts/{admin.Id}", Ct))!.SecurityStamp.ShouldBe(changed.SecurityStamp);
        (await CheckAsync("admin", Password)).Outcome.ShouldBe(PasswordCheckOutcomes.Rejected);
        (await CheckAsync("admin", "a brand new passphrase")).Outcome.ShouldBe(PasswordCheckOutcomes.Succeeded);
    }

    [Fact]
    public async Task AWrongCurrentPasswordOrAShortNewOneIsNamedByField()
    {
        var admin = await CreateAdministratorAsync();

        using var wrong = await _client.PutAsJsonAsync($"/api/accounts/{admin.Id}/password", new ChangePasswordRequest("not it", "a brand new passphrase"), Ct);
        using var shortOne = await _client.PutAsJsonAsync($"/api/accounts/{admin.Id}/password", new ChangePasswordRequest(Password, "tiny"), Ct);
        using var missing = await _client.PutAsJsonAsync($"/api/accounts/{admin.Id}/password", new ChangePasswordRequest(Password, ""), Ct);

        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CodesAsync(wrong)).GetProperty("currentPassword")[0].GetString().ShouldBe(AccountErrorCodes.PasswordMismatch);
        (await CodesAsync(shortOne)).GetProperty("newPassword")[0].GetString().ShouldBe(AccountErrorCodes.PasswordTooShort);
        (await CodesAsync(missing)).GetProperty("newPassword")[0].GetString().ShouldBe(AccountErrorCodes.Required);
        (await CheckAsync("admin", Password)).Outcome.ShouldBe(PasswordCheckOutcomes.Succeeded);
    }

    [Fact]
    public async Task AnUnknownAccountIsNotFoundAndTheEndpointsNeedTheApiKey()
    {
        using var unknown = await _client.GetAsync($"/api/accounts/{Guid.NewGuid()}", Ct);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var anonymous = _factory.CreateClient();
        (await anonymous.GetAsync("/api/accounts/status", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.PostAsJsonAsync("/api/accounts/administrator", new CreateAdministratorRequest("admin", Password), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TheConfiguredAdministratorIsCreatedAtStartWhenNoAccountExists()
    {
        await using var seeded = await ApiFactory.CreateAsync(postgres, redis, new Dictionary<string, string?>
        {
            ["Auth:Administrator:UserName"] = "root",
            ["Auth:Administrator:Password"] = Password,
        });
        using var client = seeded.CreateAuthorizedClient();

        using var check = await client.PostAsJsonAsync("/api/accounts/password-check", new PasswordCheckRequest("root", Password), Ct);

        (await check.Content.ReadFromJsonAsync<PasswordCheckResponse>(Ct))!.Outcome.ShouldBe(PasswordCheckOutcomes.Succeeded);
    }

    private async Task<AccountStatusResponse> StatusAsync() =>
        (await _client.GetFromJsonAsync<AccountStatusResponse>("/api/accounts/status", Ct))!;

    private async Task<AccountResponse> CreateAdministratorAsync()
    {
        using var response = await _client.PostAsJsonAsync("/api/accounts/administrator", new CreateAdministratorRequest("admin", Password), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<AccountResponse>(Ct))!;
    }

    private async Task<PasswordCheckResponse> CheckAsync(string userName, string password)
    {
        using var response = await _client.PostAsJsonAsync("/api/accounts/password-check", new PasswordCheckRequest(userName, password), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<PasswordCheckResponse>(Ct))!;
    }

    private static async Task<JsonElement> CodesAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("codes");
}
