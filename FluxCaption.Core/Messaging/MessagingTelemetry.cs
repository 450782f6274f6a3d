using System.Diagnostics;

namespace FluxCaption.Core.Messaging;

internal static class MessagingTelemetry
{
    public const string Name = "FluxCaption.Messaging";

    public static readonly ActivitySource ActivitySource = new(Name);
}
