namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The names of FluxCaption's own ActivitySources and Meters (one per component), so every service
/// exports them without knowing which component emits what.
/// </summary>
public static class FluxCaptionTelemetry
{
    public const string Api = "FluxCaption.Api";
    public const string Worker = "FluxCaption.Worker";
    public const string Messaging = "FluxCaption.Messaging";
    public const string Translation = "FluxCaption.Translation";
    public const string Jobs = "FluxCaption.Jobs";
    public const string Web = "FluxCaption.Web";

    public static readonly string[] ActivitySourceNames = [Api, Worker, Messaging, Translation, Jobs, Web];

    /// <summary>Our meters; Npgsql's come through AddNpgsqlInstrumentation.</summary>
    public static readonly string[] MeterNames = [Api, Worker, Messaging, Translation, Jobs, Web];
}
