using FluxCaption.Core.Libraries.Jellyfin;

namespace FluxCaption.Benchmarks;

/// <summary>Points FluxCaption's Jellyfin client at the benchmark's own server instead of the settings store.</summary>
internal sealed class BenchmarkJellyfinConnection(JellyfinProtocolServer server) : IJellyfinConnectionProvider
{
    private readonly JellyfinConnection _connection = new(server.Endpoint, server.ApiKey);

    public Task<JellyfinConnection?> GetAsync(CancellationToken cancellationToken) => Task.FromResult<JellyfinConnection?>(_connection);
}
