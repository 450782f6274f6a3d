using System.Diagnostics;

namespace FluxCaption.Core.Messaging;

/// <summary>Producer spans at dispatch and consumer spans that continue the trace carried in the stage message.</summary>
internal static class MessagingTelemetry
{
    public const string Name = "FluxCaption.Messaging";

    public static readonly ActivitySource ActivitySource = new(Name);
}
