using FluxCaption.Tests.Infrastructure;
using FluxCaption.Worker;
using FluxCaption.Worker.Consumers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FluxCaption.Tests.Pipeline;

public sealed class WorkerStagesTests(PostgresServer postgres, RedisServer redis)
{
    [Fact]
    public async Task ConfiguringTranslateAsTheOnlyStageStartsExactlyOneTranslateConsumer()
    {
        var settings = new Dictionary<string, string?> { ["Worker:Stages:0"] = "translate" };
        await using var worker = await PipelineHost.CreateAsync(await postgres.CreateDatabaseAsync(), redis, RedisServer.NewKeyPrefix(), "consumer", settings, start: false);

        worker.Services.GetRequiredService<IOptions<WorkerOptions>>().Value.Stages.ShouldBe(["translate"]);
        worker.Services.GetServices<IHostedService>().OfType<StageConsumer>().Count().ShouldBe(1);
    }

    [Fact]
    public async Task ConfiguredStagesReplaceTheDefaultInsteadOfBeingAddedToIt()
    {
        var settings = new Dictionary<string, string?> { ["Worker:Stages:0"] = "scan" };
        await using var worker = await PipelineHost.CreateAsync(await postgres.CreateDatabaseAsync(), redis, RedisServer.NewKeyPrefix(), "consumer", settings, start: false);

        worker.Services.GetRequiredService<IOptions<WorkerOptions>>().Value.Stages.ShouldBe(["scan"]);
        worker.Services.GetServices<IHostedService>().OfType<StageConsumer>().Count().ShouldBe(1);
    }

    [Fact]
    public async Task WithoutConfiguredStagesAWorkerConsumesEveryStageThatHasAHandler()
    {
        await using var worker = await PipelineHost.CreateAsync(await postgres.CreateDatabaseAsync(), redis, RedisServer.NewKeyPrefix(), "consumer", start: false);

        worker.Services.GetRequiredService<IOptions<WorkerOptions>>().Value.Stages.ShouldBe(["scan", "asr", "translate", "writeback"]);
        worker.Services.GetServices<IHostedService>().OfType<StageConsumer>().Count().ShouldBe(4);
    }
}
