using System.Text.Json;
using System.Text.Json.Serialization;

namespace FluxCaption.Api.Apis;

/// <summary>The wire JSON settings (camelCase, enums as lower-case words) for payloads built by hand.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = Create();

    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        return options;
    }
}
