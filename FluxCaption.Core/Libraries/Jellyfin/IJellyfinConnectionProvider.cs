namespace FluxCaption.Core.Libraries.Jellyfin;

/// <summary>
/// The current Jellyfin connection from the runtime settings (the key decrypted), read on every use
/// so a change in the settings page takes effect without a restart; null when none is configured.
/// </summary>
public interface IJellyfinConnectionProvider
{
    Task<JellyfinConnection?> GetAsync(CancellationToken cancellationToken);
}
