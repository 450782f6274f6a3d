using System.Diagnostics;

namespace FluxCaption.Core.Jobs;

internal static class JobsTelemetry
{
    /// <summary>Consumer spans continue the trace carried in the stage message.</summary>
    public static readonly ActivitySource ActivitySource = new("FluxCaption.Messaging");
}
