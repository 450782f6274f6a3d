using FluxCaption.Benchmarks.Speech;
using FluxCaption.Core.Speech;
using FluxCaption.Core.Speech.WhisperNet;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Speech.WhisperNet;

/// <summary>
/// A test's own models folder (with the generated test-size model in it as ggml-test.bin unless asked
/// otherwise) and the services a host registers for the Whisper.net engine.
/// </summary>
internal sealed class WhisperNetTestHost : IDisposable
{
    public const string ModelName = "test";

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("fluxcaption-whisper-");

    public WhisperNetTestHost(bool withModel = true, IDictionary<string, string?>? settings = null, WhisperModelCatalog? catalog = null)
    {
        ModelsFolder = Path.Combine(_root.FullName, "models");
        Directory.CreateDirectory(ModelsFolder);
        if (withModel)
        {
            GgmlWhisperModelWriter.Write(Path.Combine(ModelsFolder, WhisperModelCatalog.FileName(ModelName)), GgmlWhisperDimensions.Test);
        }

        var values = new Dictionary<string, string?>
        {
            [$"{WhisperNetOptions.SectionName}:Model"] = ModelName,
            [$"{WhisperNetOptions.SectionName}:ModelsFolder"] = ModelsFolder,
            [$"{WhisperNetOptions.SectionName}:Threads"] = "2",
            [$"{WhisperNetOptions.SectionName}:DownloadRetryBaseDelay"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[$"{WhisperNetOptions.SectionName}:{key}"] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddLogging();
        services.AddWhisperNetSpeech(catalog);
        Services = services.BuildServiceProvider(validateScopes: true);
    }

    public ServiceProvider Services { get; }

    public string ModelsFolder { get; }

    /// <summary>A scratch folder for audio and other files of the test.</summary>
    public string Scratch => Directory.CreateDirectory(Path.Combine(_root.FullName, "scratch")).FullName;

    public ISpeechRecognitionEngine Engine =>
        Services.GetServices<ISpeechRecognitionEngine>().Single(e => e.Name == SpeechEngineNames.WhisperNet);

    public WhisperModelStore Store => Services.GetRequiredService<WhisperModelStore>();

    public WhisperModelCache Cache => Services.GetRequiredService<WhisperModelCache>();

    public void Dispose()
    {
        Services.Dispose();
        _root.Delete(recursive: true);
    }
}
