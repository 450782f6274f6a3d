using FluxCaption.AppHost.Infrastructure;
using FluxCaption.AppHost.Llm;

namespace FluxCaption.Tests.AppHost;

public sealed class InfrastructureModeTests
{
    [Theory]
    [InlineData(null, false, false, InfrastructureMode.Executables)]
    [InlineData("auto", false, true, InfrastructureMode.Containers)]
    [InlineData("auto", true, false, InfrastructureMode.Containers)]
    [InlineData("Executables", true, true, InfrastructureMode.Executables)]
    [InlineData("containers", false, false, InfrastructureMode.Containers)]
    public void AutoPicksContainersOnlyWhenPublishingOrARuntimeAnswersAndASettingForcesEither(
        string? setting, bool publishing, bool runtimeAnswers, InfrastructureMode expected)
    {
        InfrastructureModeResolver.Resolve(setting, publishing, () => runtimeAnswers).ShouldBe(expected);
    }

    [Fact]
    public void AnUnknownModeIsRefusedNamingTheSetting()
    {
        var error = Should.Throw<InvalidOperationException>(() => InfrastructureModeResolver.Resolve("docker", false, () => false));
        error.Message.ShouldContain("FluxCaption:Infrastructure");
        error.Message.ShouldContain("'docker'");
    }

    [Fact]
    public void AContainerCliWithNoDaemonOrNoCliAtAllDoesNotCountAsARuntime()
    {
        // /bin/false stands in for a docker CLI whose daemon does not answer; the second name is not installed.
        InfrastructureModeResolver.ContainerRuntimeAnswers("/bin/false").ShouldBeFalse();
        InfrastructureModeResolver.ContainerRuntimeAnswers("fluxcaption-no-such-runtime").ShouldBeFalse();
        InfrastructureModeResolver.ContainerRuntimeAnswers("/bin/true").ShouldBeTrue();
    }

    [Fact]
    public void TheLlmConnectionStringNeedsAnHttpEndpointAndAModel()
    {
        LlmConnection.Parse("Endpoint=http://gpu-box:11434;Model=qwen2.5:7b-instruct")
            .ShouldBe(new LlmConnection(new Uri("http://gpu-box:11434"), "qwen2.5:7b-instruct"));
        Should.Throw<FormatException>(() => LlmConnection.Parse("Endpoint=gpu-box:11434;Model=x")).Message.ShouldContain("Endpoint");
        Should.Throw<FormatException>(() => LlmConnection.Parse("Endpoint=http://gpu-box:11434")).Message.ShouldContain("Model");
    }
}
