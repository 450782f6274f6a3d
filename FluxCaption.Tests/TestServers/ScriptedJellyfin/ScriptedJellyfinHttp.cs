using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.TestServers.ScriptedJellyfin;

/// <summary>Plain HttpClients (from the factory, no resilience) for tests that speak raw HTTP to the scripted server.</summary>
internal static class ScriptedJellyfinHttp
{
    private static readonly IHttpClientFactory Factory = new ServiceCollection()
        .AddHttpClient()
        .BuildServiceProvider()
        .GetRequiredService<IHttpClientFactory>();

    public static HttpClient Create(Uri baseAddress)
    {
        var client = Factory.CreateClient();
        client.BaseAddress = baseAddress;
        return client;
    }
}
