using FluxCaption.Core.Translation;
using FluxCaption.Core.Translation.Apertium;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FluxCaption.Tests.Translation.Apertium;

public class ApertiumRegistrationTests
{
    [Fact]
    public void TheEngineIsRegisteredOnceAsATranslationEngineWithItsOptions()
    {
        using var provider = Build(new()
        {
            ["Engines:Apertium:ExecutablePath"] = "/usr/bin/apertium",
            ["Engines:Apertium:Timeout"] = "00:00:30",
        });

        var engine = provider.GetServices<ITranslationEngine>().ShouldHaveSingleItem();
        engine.Name.ShouldBe("apertium");
        engine.ShouldBeSameAs(provider.GetRequiredService<ApertiumTranslationEngine>());
        var options = provider.GetRequiredService<IOptions<ApertiumOptions>>().Value;
        options.ExecutablePath.ShouldBe("/usr/bin/apertium");
        options.Timeout.ShouldBe(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void WithoutConfigurationTheDefaultsApply()
    {
        using var provider = Build([]);

        var options = provider.GetRequiredService<IOptions<ApertiumOptions>>().Value;
        options.ExecutablePath.ShouldBe("apertium");
        options.Timeout.ShouldBe(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void AZeroTimeoutIsRejected()
    {
        using var provider = Build(new() { ["Engines:Apertium:Timeout"] = "00:00:00" });

        var error = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ApertiumOptions>>().Value);
        error.Message.ShouldContain("Timeout");
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddApertiumEngine();
        services.AddApertiumEngine();
        return services.BuildServiceProvider();
    }
}
