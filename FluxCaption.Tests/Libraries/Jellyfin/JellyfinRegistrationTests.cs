using FluxCaption.Core.Libraries;
using FluxCaption.Core.Libraries.Jellyfin;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FluxCaption.Tests.Libraries.Jellyfin;

public sealed class JellyfinRegistrationTests
{
    [Fact]
    public void AddJellyfinRegistersTheSourceTheTesterAndValidatedOptions()
    {
        using var provider = Services(new() { ["Jellyfin:PageSize"] = "250" });

        provider.GetServices<IMediaLibrarySource>().Select(source => source.Kind).ShouldBe([MediaSourceKind.Jellyfin]);
        provider.GetRequiredService<IJellyfinConnectionTester>().ShouldBeOfType<JellyfinConnectionTester>();
        provider.GetRequiredService<IOptions<JellyfinOptions>>().Value.PageSize.ShouldBe(250);
    }

    [Fact]
    public void ATotalTimeoutNoLongerThanOneAttemptIsRefused()
    {
        using var provider = Services(new() { ["Jellyfin:AttemptTimeout"] = "00:00:30", ["Jellyfin:TotalTimeout"] = "00:00:20" });

        var error = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<JellyfinOptions>>().Value);

        error.Message.ShouldContain("TotalTimeout");
    }

    [Fact]
    public void TheDeviceIdIsTheSameOnEveryStartOfTheSameMachine()
    {
        new JellyfinOptions().DeviceId.ShouldBe(new JellyfinOptions().DeviceId);
        new JellyfinOptions().DeviceId.ShouldMatch("^[0-9a-f]{32}$");
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddLogging()
            .AddSingleton<IJellyfinConnectionProvider>(new SettableConnectionProvider());
        services.AddJellyfin();
        return services.BuildServiceProvider(validateScopes: true);
    }
}
