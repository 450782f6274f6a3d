using FluxCaption.Core.Jobs;

namespace FluxCaption.Tests.Pipeline;

/// <summary>The exceptions come from the real clients pointed at a port nothing listens on, in the shapes they reach a stage.</summary>
public sealed class JobFailureClassifierTests
{
    [Fact]
    public async Task EfGivingUpItsRetriesOnAnUnreachableDatabaseIsADependencyOutage()
    {
        var exception = await UnreachableDependencies.EfAfterRetriesAsync();

        var failure = JobFailureClassifier.Classify(exception);

        failure.Code.ShouldBe(JobErrorCodes.DependencyUnavailable);
        failure.IsTransient.ShouldBeTrue();
        failure.Message.ShouldStartWith("database unavailable");
    }

    [Fact]
    public async Task AnUnreachableDatabaseWithoutRetriesIsADependencyOutage()
    {
        var exception = await UnreachableDependencies.EfWithoutRetriesAsync();

        var failure = JobFailureClassifier.Classify(exception);

        failure.Code.ShouldBe(JobErrorCodes.DependencyUnavailable);
        failure.IsTransient.ShouldBeTrue();
    }

    [Fact]
    public async Task ADatabaseFailureWrappedByACallerIsStillADependencyOutage()
    {
        var wrapped = new InvalidOperationException("saving the checkpoint failed", await UnreachableDependencies.EfAfterRetriesAsync());

        JobFailureClassifier.Classify(wrapped).Code.ShouldBe(JobErrorCodes.DependencyUnavailable);
    }

    [Fact]
    public async Task AnUnreachableRedisIsADependencyOutage()
    {
        var exception = await UnreachableDependencies.RedisCommandAsync();

        var failure = JobFailureClassifier.Classify(exception);

        failure.Code.ShouldBe(JobErrorCodes.DependencyUnavailable);
        failure.IsTransient.ShouldBeTrue();
        failure.Message.ShouldStartWith("Redis unavailable");
    }

    [Fact]
    public void AnInvalidOperationWithoutADependencyFailureStaysAPermanentEngineError()
    {
        var failure = JobFailureClassifier.Classify(new InvalidOperationException("model refused the request"));

        failure.Code.ShouldBe(JobErrorCodes.EngineError);
        failure.IsTransient.ShouldBeFalse();
    }
}
