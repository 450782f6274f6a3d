using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FluxCaption.Api.Apis;

public static class SystemApi
{
    public static IEndpointRouteBuilder MapSystemApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/system/info", GetInfo)
            .WithTags("System").WithName("GetSystemInfo").WithSummary("Version and available translation engines")
            .RequireAuthorization();
        return app;
    }

    public static Ok<SystemInfoResponse> GetInfo(EngineCatalog engines) => TypedResults.Ok(new SystemInfoResponse(
        typeof(SystemApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0",
        engines.Names,
        engines.DefaultEngine,
        ["srt", "vtt", "ass"]));
}

public sealed record SystemInfoResponse(string Version, IReadOnlyList<string> Engines, string DefaultEngine, IReadOnlyList<string> OutputFormats);
