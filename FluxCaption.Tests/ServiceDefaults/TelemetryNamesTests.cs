using FluxCaption.Core.Messaging;
using FluxCaption.Core.Translation;
using FluxCaption.Worker;
using Microsoft.Extensions.Hosting;

namespace FluxCaption.Tests.ServiceDefaults;

/// <summary>Every component's ActivitySource is one that ServiceDefaults exports; a renamed source would silently vanish from traces.</summary>
public sealed class TelemetryNamesTests
{
    [Fact]
    public void EveryComponentSourceIsExportedByServiceDefaults()
    {
        FluxCaptionTelemetry.ActivitySourceNames.ShouldBe(
            [WorkerTelemetry.Name, MessagingTelemetry.Name, TranslationTelemetry.Name], ignoreOrder: true);
    }
}
