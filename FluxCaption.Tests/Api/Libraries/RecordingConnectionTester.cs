using System.Collections.Concurrent;
using FluxCaption.Core.Libraries.Jellyfin;

namespace FluxCaption.Tests.Api.Libraries;

/// <summary>Stands in for the Jellyfin adapter's connection test: records what it was asked to test.</summary>
public sealed class RecordingConnectionTester : IJellyfinConnectionTester
{
    public ConcurrentQueue<JellyfinConnection> Tested { get; } = new();

    public JellyfinConnectionTestResult Result { get; set; } = new(false, "unauthorized", "Jellyfin refused the API key; create a new key in the dashboard.");

    public Task<JellyfinConnectionTestResult> TestAsync(JellyfinConnection connection, CancellationToken cancellationToken)
    {
        Tested.Enqueue(connection);
        return Task.FromResult(Result);
    }
}
