using FluxCaption.Tests.Api;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Web.Components.Rules;
using FluxCaption.Web.Services;

namespace FluxCaption.Tests.Web;

/// <summary>The rules page's Api calls against the real Api.</summary>
public sealed class RulesClientTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ApiFactory _api = null!;
    private HttpClient _http = null!;
    private FluxCaptionApiClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _api = await ApiFactory.CreateAsync(postgres, redis);
        _http = _api.CreateAuthorizedClient();
        _client = new FluxCaptionApiClient(_http);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task ARuleIsCreatedDisabledRunAndDeletedWithEveryFieldKept()
    {
        var library = await new ItemsTestData(_api.DatabaseConnectionString).AddLibraryAsync("Films");
        var created = await _client.CreateRuleAsync(
            new RuleInput("Nightly", true, [library.Id], ["chi", "fr"], [], "apertium", null, "0 30 2 * * ?", 5, TimeSpan.FromDays(2)), Ct);

        created.TargetLanguages.ShouldBe(["zh-Hans", "fr"]);
        (created.LibraryIds.Single(), created.Engine, created.Priority, created.MinimumItemAge).ShouldBe((library.Id, "apertium", 5, TimeSpan.FromDays(2)));
        created.LastRunAt.ShouldBeNull();

        var disabled = await _client.UpdateRuleAsync(created.Id, created.ToInput() with { Enabled = false }, Ct);
        disabled.Enabled.ShouldBeFalse();
        disabled.Cron.ShouldBe("0 30 2 * * ?");
        (await _client.ListRulesAsync(Ct)).Single().Enabled.ShouldBeFalse();

        var run = await _client.RunRuleAsync(created.Id, Ct);
        run.RuleId.ShouldBe(created.Id);

        await _client.DeleteRuleAsync(created.Id, Ct);
        (await _client.ListRulesAsync(Ct)).ShouldBeEmpty();
        (await Should.ThrowAsync<ApiProblemException>(() => _client.GetRuleAsync(created.Id, Ct))).StatusCode.ShouldBe(404);
    }

    [Fact]
    public async Task AWrongCronComesBackNamingTheCronFieldWithQuartzsReason()
    {
        var problem = await Should.ThrowAsync<ApiProblemException>(() =>
            _client.CreateRuleAsync(new RuleInput("Bad", true, [], ["fr"], [], null, null, "every night", 0, TimeSpan.Zero), Ct));

        problem.StatusCode.ShouldBe(400);
        problem.Errors.Keys.ShouldBe(["cron"]);
        problem.Errors["cron"].Single().ShouldContain("every night");
    }
}
