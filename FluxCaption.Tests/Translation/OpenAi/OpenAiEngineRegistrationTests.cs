using FluxCaption.Core.Translation;
using FluxCaption.Core.Translation.OpenAi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FluxCaption.Tests.Translation.OpenAi;

public class OpenAiEngineRegistrationTests
{
    private static HostApplicationBuilder Builder(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }

    private static bool HasOpenAiEngine(IServiceCollection services) =>
        services.Any(d => d.ServiceType == typeof(ITranslationEngine) && d.ImplementationType == typeof(OpenAiCompatibleTranslationEngine));

    [Fact]
    public void TheTranslationServicesIncludeTheOpenAiEngineOnlyWhenABaseUrlIsConfigured()
    {
        var configured = Builder(new() { ["OpenAi:BaseUrl"] = "http://127.0.0.1:8000/v1", ["OpenAi:Model"] = "qwen2.5-7b-instruct" });
        var unconfigured = Builder(new() { ["OpenAi:Model"] = "qwen2.5-7b-instruct", ["OpenAi:BaseUrl"] = " " });

        configured.AddTranslation();
        unconfigured.AddTranslation();

        HasOpenAiEngine(configured.Services).ShouldBeTrue();
        HasOpenAiEngine(unconfigured.Services).ShouldBeFalse();
    }

    [Fact]
    public void AConfiguredEngineIsNamedOpenAiAndReadsItsSection()
    {
        var builder = Builder(new()
        {
            ["OpenAi:BaseUrl"] = "http://127.0.0.1:8000/v1",
            ["OpenAi:Model"] = "deepseek-chat",
            ["OpenAi:MaxParallelRequests"] = "3",
            ["OpenAi:RequestsPerMinute"] = "60",
        });
        builder.AddOpenAiEngine();
        using var host = builder.Build();

        host.Services.GetServices<ITranslationEngine>().Select(e => e.Name).ShouldBe(["openai"]);
        var options = host.Services.GetRequiredService<IOptions<OpenAiEngineOptions>>().Value;
        options.Model.ShouldBe("deepseek-chat");
        (options.MaxParallelRequests, options.RequestsPerMinute).ShouldBe((3, 60));
    }

    [Theory]
    [InlineData("OpenAi:Model", null, "Model")]
    [InlineData("OpenAi:BaseUrl", "ftp://127.0.0.1/v1", "BaseUrl")]
    [InlineData("OpenAi:MaxParallelRequests", "0", "MaxParallelRequests")]
    [InlineData("OpenAi:RequestsPerMinute", "-1", "RequestsPerMinute")]
    [InlineData("OpenAi:TotalTimeout", "00:00:10", "TotalTimeout")]
    public void ABrokenSettingStopsTheEngineNamingTheSetting(string key, string? value, string named)
    {
        var settings = new Dictionary<string, string?> { ["OpenAi:BaseUrl"] = "http://127.0.0.1:8000/v1", ["OpenAi:Model"] = "m", ["OpenAi:AttemptTimeout"] = "00:00:30" };
        settings[key] = value;
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddOpenAiEngine();
        using var provider = services.BuildServiceProvider();

        var error = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<ITranslationEngine>());

        error.Message.ShouldContain(named);
    }
}
