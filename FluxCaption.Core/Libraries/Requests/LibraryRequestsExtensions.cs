using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace FluxCaption.Core.Libraries.Requests;

public static class LibraryRequestsExtensions
{
    /// <summary>The durable request table's store and its options ("LibraryRequests"); needs AddFluxCaptionData.</summary>
    public static IHostApplicationBuilder AddLibraryRequests(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LibraryRequestOptions>()
            .BindConfiguration(LibraryRequestOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddScoped<LibraryRequestStore>();
        return builder;
    }
}
