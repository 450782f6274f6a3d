using System.Text.Json;

namespace FluxCaption.Tests.Api.Contract;

/// <summary>One operation of the Api's OpenAPI document, with what a generated request needs.</summary>
internal sealed record OpenApiOperation(
    string Method,
    string PathTemplate,
    IReadOnlyList<OpenApiParameter> Parameters,
    string? BodyMediaType,
    JsonElement? BodySchema,
    bool IsEventStream)
{
    public override string ToString() => $"{Method} {PathTemplate}";
}

/// <summary>A path or query parameter.</summary>
internal sealed record OpenApiParameter(string Name, string In, JsonElement Schema, bool Required);
