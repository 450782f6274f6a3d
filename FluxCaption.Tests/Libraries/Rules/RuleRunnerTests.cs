using FluxCaption.Core.Libraries;
using FluxCaption.Core.Libraries.Rules;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.Libraries.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Libraries.Rules;

/// <summary>The rule runner with the real sync and planner (both clear the DbContext's change tracker as they batch).</summary>
public sealed class RuleRunnerTests(PostgresServer postgres, RedisServer redis)
{
    [Fact]
    public async Task ARuleRunSyncsPlansAndRecordsItsRunOnTheRule()
    {
        await using var host = await LibraryTestHost.CreateAsync(postgres, redis);
        host.Source.Put(SampleItems.Movie("film", "movies", SampleItems.TextSubtitle("en", external: true, path: "/media/movies/film.en.srt")));
        var library = await host.AddLibraryAsync("movies");
        var rule = await host.WithDbAsync(async db =>
        {
            var created = new AutoTranslationRule
            {
                Id = Guid.NewGuid(), Name = "Spanish", LibraryIds = [library.Id], TargetLanguages = ["es"], SourceLanguages = ["en"],
                Engine = "apertium", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            };
            db.AutoTranslationRules.Add(created);
            await db.SaveChangesAsync();
            return created;
        });

        var outcome = await host.WithScopeAsync(services => ActivatorUtilities.CreateInstance<RuleRunner>(services).RunAsync(rule.Id, CancellationToken.None));

        outcome.Status.ShouldBe(RuleRunStatus.Succeeded);
        outcome.Plan!.JobsCreated.ShouldBe(1);
        var stored = await host.WithDbAsync(db => db.AutoTranslationRules.AsNoTracking().SingleAsync(r => r.Id == rule.Id));
        stored.LastRunAt.ShouldNotBeNull("the run is recorded even though the sync cleared the change tracker");
        stored.LastRunStatus.ShouldBe("succeeded");
        stored.LastRunError.ShouldBeNull();
    }
}
