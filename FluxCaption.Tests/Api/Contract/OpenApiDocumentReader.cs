using System.Text.Json;

namespace FluxCaption.Tests.Api.Contract;

/// <summary>
/// Reads the operations out of the Api's own OpenAPI document and builds sample values from their
/// schemas ($ref, allOf/oneOf/anyOf and OpenAPI 3.1 type arrays resolved), so the contract tests cover
/// every operation the Api declares, including ones added after the tests were written.
/// </summary>
internal sealed class OpenApiDocumentReader(JsonElement document)
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    public IReadOnlyList<OpenApiOperation> Operations()
    {
        var operations = new List<OpenApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            var shared = path.Value.TryGetProperty("parameters", out var common) ? common.EnumerateArray().ToList() : [];
            foreach (var method in Methods)
            {
                if (!path.Value.TryGetProperty(method, out var operation))
                {
                    continue;
                }

                var parameters = shared.Concat(operation.TryGetProperty("parameters", out var own) ? own.EnumerateArray() : [])
                    .Select(Resolve)
                    .Where(p => p.GetProperty("in").GetString() is "path" or "query")
                    .Select(p => new OpenApiParameter(
                        p.GetProperty("name").GetString()!,
                        p.GetProperty("in").GetString()!,
                        p.TryGetProperty("schema", out var schema) ? Resolve(schema) : default,
                        p.TryGetProperty("required", out var required) && required.GetBoolean()))
                    .ToList();
                string? mediaType = null;
                JsonElement? bodySchema = null;
                if (operation.TryGetProperty("requestBody", out var body) && Resolve(body).TryGetProperty("content", out var content))
                {
                    var first = content.EnumerateObject().First();
                    mediaType = first.Name;
                    bodySchema = first.Value.TryGetProperty("schema", out var schema) ? Resolve(schema) : null;
                }

                var eventStream = operation.TryGetProperty("responses", out var responses)
                    && responses.EnumerateObject().Any(r => r.Value.TryGetProperty("content", out var c) && c.TryGetProperty("text/event-stream", out _));
                operations.Add(new OpenApiOperation(method.ToUpperInvariant(), path.Name, parameters, mediaType, bodySchema, eventStream));
            }
        }

        return operations;
    }

    /// <summary>Follows a $ref (and a single-entry allOf/anyOf/oneOf that only wraps one) to the schema itself.</summary>
    public JsonElement Resolve(JsonElement element)
    {
        for (var depth = 0; depth < 20; depth++)
        {
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$ref", out var reference))
            {
                element = Lookup(reference.GetString()!);
                continue;
            }

            if (element.ValueKind == JsonValueKind.Object)
            {
                // allOf is kept (its parts' properties are merged by Properties); oneOf/anyOf here wrap a
                // nullable type, so the non-null part is the schema.
                foreach (var combinator in new[] { "oneOf", "anyOf" })
                {
                    if (element.TryGetProperty(combinator, out var options))
                    {
                        var real = options.EnumerateArray().Select(Resolve).FirstOrDefault(o => PrimaryType(o) != "null");
                        if (real.ValueKind != JsonValueKind.Undefined)
                        {
                            return real;
                        }
                    }
                }
            }

            return element;
        }

        throw new InvalidOperationException("A $ref chain in the OpenAPI document does not end.");
    }

    /// <summary>The schema's type ("string", "integer", "object"...), skipping "null" in a 3.1 type array.</summary>
    public static string? PrimaryType(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type))
        {
            return schema.ValueKind == JsonValueKind.Object && (schema.TryGetProperty("properties", out _) || schema.TryGetProperty("allOf", out _))
                ? "object"
                : null;
        }

        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null")
            : type.GetString();
    }

    /// <summary>A plausible valid value for the schema, so that only the field under test is wrong.</summary>
    public object? Sample(JsonElement schema, int depth = 0)
    {
        schema = Resolve(schema);
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out var values))
        {
            return values.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? (object?)v.GetString() : v.GetRawText()).First();
        }

        var format = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return PrimaryType(schema) switch
        {
            "string" => format switch
            {
                "uuid" => Guid.NewGuid().ToString(),
                "date-time" => DateTimeOffset.UtcNow.ToString("O"),
                "date-span" or "duration" => "00:00:01",
                "uri" => "http://127.0.0.1:9/",
                "binary" => "x",
                _ => "en",
            },
            "integer" => 1,
            "number" => 1.0,
            "boolean" => false,
            "array" => depth > 3 || !schema.TryGetProperty("items", out _) ? new List<object?>() : new List<object?>(),
            "object" => depth > 3 ? new Dictionary<string, object?>() : SampleObject(schema, depth),
            _ => null,
        };
    }

    /// <summary>The object's properties (name, resolved schema).</summary>
    public IEnumerable<(string Name, JsonElement Schema)> Properties(JsonElement schema)
    {
        schema = Resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        // A form whose fields are bound one by one is described as allOf its parts, each a small object.
        var own = schema.TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().Select(p => (p.Name, Resolve(p.Value)))
            : [];
        var parts = schema.TryGetProperty("allOf", out var allOf)
            ? allOf.EnumerateArray().SelectMany(Properties)
            : [];
        return own.Concat(parts).DistinctBy(p => p.Name).ToList();
    }

    private Dictionary<string, object?> SampleObject(JsonElement schema, int depth) =>
        Properties(schema).ToDictionary(p => p.Name, p => Sample(p.Schema, depth + 1));

    private JsonElement Lookup(string reference)
    {
        // "#/components/schemas/Name"
        var element = document;
        foreach (var part in reference.TrimStart('#', '/').Split('/'))
        {
            element = element.GetProperty(part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        }

        return element;
    }
}
