namespace FluxCaption.Core.Libraries.Jellyfin;

/// <summary>What <c>/System/Info/Public</c> (anonymous) and <c>/System/Info</c> return that we use.</summary>
public sealed record JellyfinSystemInfo
{
    public string? ServerName { get; init; }

    public string? Version { get; init; }

    public string? Id { get; init; }

    public string? ProductName { get; init; }

    public bool? StartupWizardCompleted { get; init; }
}
