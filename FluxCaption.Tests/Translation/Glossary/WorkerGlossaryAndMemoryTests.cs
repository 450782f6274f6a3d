using FluxCaption.Core.Data;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Subtitles;
using FluxCaption.Core.Translation;
using FluxCaption.Core.Translation.Glossary;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.Pipeline;
using FluxCaption.Worker.Extensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using static FluxCaption.Tests.Translation.TestDocuments;

namespace FluxCaption.Tests.Translation.Glossary;

/// <summary>
/// The Worker's own services with the real translator, memory and glossary store, and a fake engine:
/// what a job's glossary column and the glossary_terms table do to a translate job.
/// </summary>
public sealed class WorkerGlossaryAndMemoryTests(PostgresServer postgres, RedisServer redis)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AJobsGlossaryAndTheGlobalOneReachTheEngineAndAMissingTermIsAWarningOnTheJob()
    {
        var engine = new FakeTranslationEngine();
        using var host = await BuildWorkerAsync(engine);
        var job = await CreateJobAsync(host, Srt("Frodo left the Shire.", "Nobody saw him go."));
        await WithDbAsync(host, async db =>
        {
            db.Set<GlossaryTermEntity>().Add(new GlossaryTermEntity { SourceLang = "en", TargetLang = "es", SourceTerm = "Shire", TargetTerm = "SHIRE" });
            await db.SaveChangesAsync(Token);
            await db.Jobs.Where(j => j.Id == job.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(j => j.Glossary, GlossaryJson.Serialize([new GlossaryTerm("Frodo", "Frodo Bolsón")])), Token);
        });

        await host.StartAsync(Token);
        await SampleJobs.WaitForStatusAsync(host.Services, job.Id, JobStatus.Succeeded);

        engine.Batches[0].Glossary.ShouldBe([new GlossaryTerm("Shire", "SHIRE"), new GlossaryTerm("Frodo", "Frodo Bolsón")], ignoreOrder: true);
        var warnings = (await SampleJobs.GetAsync(host.Services, job.Id)).Warnings!;
        warnings.ShouldContain("glossary_term_missing");
        warnings.ShouldContain("Frodo Bolsón");
        await host.StopAsync(Token);
    }

    [Fact]
    public async Task ASecondJobForTheSameFileSendsNoRequestAndProgressStillReachesTheEnd()
    {
        var engine = new FakeTranslationEngine();
        using var host = await BuildWorkerAsync(engine);
        await host.StartAsync(Token);
        var document = Srt("Good morning", "See you at <i>noon</i>", "Good night");

        var first = await CreateJobAsync(host, document);
        await SampleJobs.WaitForStatusAsync(host.Services, first.Id, JobStatus.Succeeded);
        var batchesAfterFirst = engine.Batches.Count;
        var second = await CreateJobAsync(host, document);
        await SampleJobs.WaitForStatusAsync(host.Services, second.Id, JobStatus.Succeeded);

        batchesAfterFirst.ShouldBe(1);
        engine.Batches.Count.ShouldBe(1);
        (await SampleJobs.GetAsync(host.Services, second.Id)).Progress.ShouldBe(1.0);
        var result = await SampleJobs.WithScopeAsync(host.Services,
            services => services.GetRequiredService<IJobService>().GetResultAsync(second.Id, CancellationToken.None));
        System.Text.Encoding.UTF8.GetString(result!.Content!).ShouldContain("SEE YOU AT <i>NOON</i>");
        var remembered = await WithDbAsync(host, db => db.TranslationMemory.AsNoTracking().Select(e => e.HitCount).ToListAsync(Token));
        remembered.ShouldBe([1L, 1L, 1L]);
        await host.StopAsync(Token);
    }

    private async Task<IHost> BuildWorkerAsync(FakeTranslationEngine engine)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:fluxcaption"] = await postgres.CreateDatabaseAsync(),
            ["ConnectionStrings:redis"] = redis.ConnectionString,
            ["Messaging:KeyPrefix"] = RedisServer.NewKeyPrefix(),
            ["Messaging:PollInterval"] = "00:00:00.200",
            ["Worker:Roles"] = "consumer",
            ["Worker:ClaimInterval"] = "00:00:00.200",
        });
        builder.Logging.ClearProviders();
        builder.AddApplicationServices();
        builder.Services.AddSingleton<ITranslationEngine>(engine);
        var host = builder.Build();
        await DatabaseMigrator.MigrateAsync(host.Services, CancellationToken.None);
        return host;
    }

    private static Task<Job> CreateJobAsync(IHost host, SubtitleDocument document) =>
        SampleJobs.WithScopeAsync(host.Services, services => services.GetRequiredService<IJobService>()
            .CreateTranslationJobAsync(new NewTranslationJob(document, "movie.en.srt", "en", "es", "fake", null, SubtitleFormat.Srt), CancellationToken.None));

    private static async Task WithDbAsync(IHost host, Func<FluxCaptionDbContext, Task> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<FluxCaptionDbContext>());
    }

    private static async Task<T> WithDbAsync<T>(IHost host, Func<FluxCaptionDbContext, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<FluxCaptionDbContext>());
    }
}
