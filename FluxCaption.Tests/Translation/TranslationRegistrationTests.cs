using FluxCaption.Core.Translation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FluxCaption.Tests.Translation;

public class TranslationRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddSubtitleTranslation();
        return services.BuildServiceProvider();
    }

    [Fact]
    public void TheTranslationSectionSetsTheBudgets()
    {
        using var provider = Build(new()
        {
            ["Translation:MaxCuesPerBatch"] = "12",
            ["Translation:SceneGap"] = "00:00:30",
            ["Translation:MaxParallelBatches"] = "4",
        });

        var options = provider.GetRequiredService<IOptions<TranslationOptions>>().Value;

        options.MaxCuesPerBatch.ShouldBe(12);
        options.SceneGap.ShouldBe(TimeSpan.FromSeconds(30));
        options.MaxParallelBatches.ShouldBe(4);
        options.PrecedingContextLines.ShouldBe(6);
    }

    [Fact]
    public void AnImpossibleBatchSizeIsRejectedNamingTheSetting()
    {
        using var provider = Build(new() { ["Translation:MaxCuesPerBatch"] = "0" });

        var error = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<ISubtitleTranslator>());

        error.Message.ShouldContain(nameof(TranslationOptions.MaxCuesPerBatch));
    }
}
