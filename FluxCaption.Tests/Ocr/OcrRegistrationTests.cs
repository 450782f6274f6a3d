using FluxCaption.Core.Ocr;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FluxCaption.Tests.Ocr;

public sealed class OcrRegistrationTests
{
    [Fact]
    public void TheReaderIsRegisteredWithItsOptionsFromTheOcrSection()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ocr:TesseractPath"] = "/opt/tesseract/bin/tesseract",
            ["Ocr:CaptionsPerRun"] = "25",
            ["Ocr:FallbackToEnglish"] = "true",
        });

        builder.AddBitmapSubtitleOcr();
        using var host = builder.Build();

        host.Services.GetRequiredService<IBitmapSubtitleReader>().ShouldBeOfType<BitmapSubtitleReader>();
        var options = host.Services.GetRequiredService<IOptions<OcrOptions>>().Value;
        (options.TesseractPath, options.CaptionsPerRun, options.FallbackToEnglish).ShouldBe(("/opt/tesseract/bin/tesseract", 25, true));
    }

    [Fact]
    public async Task AnOutOfRangeSettingStopsTheHostAtStart()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Ocr:PageSegmentationMode"] = "14" });
        builder.Services.AddBitmapSubtitleOcr();
        using var host = builder.Build();

        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        error.Message.ShouldContain("PageSegmentationMode");
    }
}
