using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FluxCaption.Tests.Infrastructure;

namespace FluxCaption.Tests.Api.Contract;

/// <summary>
/// Requests generated from the Api's own OpenAPI document, so every operation is covered, also those
/// added later: none answers without the key or with a wrong one, and none answers 5xx to a field that
/// is too long or of the wrong type (a field with a declared maxLength must be refused with 4xx).
/// </summary>
public sealed class OpenApiContractTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    /// <summary>What a field "too long" means when its schema declares no maxLength.</summary>
    private const int Overlong = 20_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ApiFactory _api = null!;
    private OpenApiDocumentReader _reader = null!;
    private IReadOnlyList<OpenApiOperation> _operations = null!;

    public async ValueTask InitializeAsync()
    {
        _api = await ApiFactory.CreateAsync(postgres, redis);
        using var client = _api.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        _reader = new OpenApiDocumentReader(document);
        _operations = _reader.Operations();
    }

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public void TheDocumentDescribesTheApisOperations()
    {
        // A guard for the guards below: an empty or unread document would make them pass vacuously.
        _operations.Count.ShouldBeGreaterThan(40);
        _operations.ShouldContain(o => o.Method == "POST" && o.PathTemplate == "/api/jobs/translate");
    }

    [Fact]
    public async Task EveryOperationRefusesACallWithoutTheKeyOrWithAWrongOne()
    {
        using var anonymous = _api.CreateClient();
        using var wrongKey = _api.CreateClient();
        wrongKey.DefaultRequestHeaders.Add("X-Api-Key", "not-the-key");
        var failures = new List<string>();

        foreach (var operation in _operations)
        {
            foreach (var (client, who) in new[] { (anonymous, "without a key"), (wrongKey, "with a wrong key") })
            {
                using var request = Request(operation, Values(operation), Body(operation));
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
                if (response.StatusCode != HttpStatusCode.Unauthorized)
                {
                    failures.Add($"{operation} {who}: {(int)response.StatusCode}");
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task NoOperationAnswers5xxToAFieldThatIsTooLong()
    {
        using var client = _api.CreateAuthorizedClient();
        var failures = new List<string>();

        foreach (var operation in _operations.Where(o => !o.IsEventStream))
        {
            foreach (var parameter in operation.Parameters.Where(p => OpenApiDocumentReader.PrimaryType(p.Schema) == "string"))
            {
                var (text, declared) = TooLong(parameter.Schema);
                var values = Values(operation);
                values[parameter.Name] = text;
                await CheckAsync(client, operation, values, Body(operation), $"{parameter.In} {parameter.Name} of {text.Length} characters", declared, failures);
            }

            foreach (var (name, schema) in BodyFields(operation).Where(f => OpenApiDocumentReader.PrimaryType(f.Schema) == "string" && !IsFile(f.Schema)))
            {
                var (text, declared) = TooLong(schema);
                var body = Body(operation);
                body![name] = text;
                await CheckAsync(client, operation, Values(operation), body, $"body field {name} of {text.Length} characters", declared, failures);
            }
        }

        failures.ShouldBeEmpty();
        _checks.ShouldBeGreaterThan(60);
    }

    [Fact]
    public async Task NoOperationAnswers5xxToAFieldOfTheWrongType()
    {
        using var client = _api.CreateAuthorizedClient();
        var failures = new List<string>();

        foreach (var operation in _operations.Where(o => !o.IsEventStream))
        {
            foreach (var parameter in operation.Parameters.Where(p => OpenApiDocumentReader.PrimaryType(p.Schema) is "integer" or "number" or "boolean"))
            {
                var values = Values(operation);
                values[parameter.Name] = "not-a-" + OpenApiDocumentReader.PrimaryType(parameter.Schema);
                await CheckAsync(client, operation, values, Body(operation), $"{parameter.In} {parameter.Name} of the wrong type", mustRefuse: true, failures);
            }

            foreach (var (name, schema) in BodyFields(operation).Where(f => !IsFile(f.Schema)))
            {
                var body = Body(operation);
                body![name] = OpenApiDocumentReader.PrimaryType(schema) switch
                {
                    "string" => operation.BodyMediaType == "application/json" ? 12345 : null,
                    "integer" or "number" => "not-a-number",
                    "boolean" => "maybe",
                    "array" => "not-a-list",
                    _ => 7,
                };
                if (body[name] is null)
                {
                    continue;
                }

                await CheckAsync(client, operation, Values(operation), body, $"body field {name} of the wrong type", mustRefuse: operation.BodyMediaType == "application/json", failures);
            }

            if (operation.BodyMediaType == "application/json")
            {
                using var request = Request(operation, Values(operation), null);
                request.Content = new StringContent("{ this is not json", Encoding.UTF8, "application/json");
                using var response = await client.SendAsync(request, Ct);
                if ((int)response.StatusCode >= 500 || response.IsSuccessStatusCode)
                {
                    failures.Add($"{operation} with a body that is not JSON: {(int)response.StatusCode}");
                }
            }
        }

        failures.ShouldBeEmpty();
        _checks.ShouldBeGreaterThan(60);
    }

    /// <summary>How many generated requests a test sent: a guard against a generator that covers nothing.</summary>
    private int _checks;

    private async Task CheckAsync(
        HttpClient client, OpenApiOperation operation, Dictionary<string, object?> values, Dictionary<string, object?>? body,
        string what, bool mustRefuse, List<string> failures)
    {
        _checks++;
        using var request = Request(operation, values, body);
        using var response = await client.SendAsync(request, Ct);
        var status = (int)response.StatusCode;
        if (status >= 500 || (mustRefuse && status < 400))
        {
            var detail = await response.Content.ReadAsStringAsync(Ct);
            failures.Add($"{operation} with {what}: {status} {(detail.Length > 200 ? detail[..200] : detail)}");
        }
    }

    private static (string Text, bool Declared) TooLong(System.Text.Json.JsonElement schema) =>
        schema.TryGetProperty("maxLength", out var max) ? (new string('x', max.GetInt32() + 1), true) : (new string('x', Overlong), false);

    private static bool IsFile(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var format) && format.GetString() == "binary";

    private IEnumerable<(string Name, JsonElement Schema)> BodyFields(OpenApiOperation operation) =>
        operation.BodySchema is { } schema ? _reader.Properties(schema) : [];

    private Dictionary<string, object?> Values(OpenApiOperation operation) =>
        operation.Parameters.ToDictionary(p => p.Name, p => _reader.Sample(p.Schema));

    private Dictionary<string, object?>? Body(OpenApiOperation operation) =>
        operation.BodySchema is { } schema && _reader.Sample(schema) is Dictionary<string, object?> sample ? sample : null;

    private HttpRequestMessage Request(OpenApiOperation operation, Dictionary<string, object?> values, Dictionary<string, object?>? body)
    {
        var path = operation.PathTemplate;
        var query = new List<string>();
        foreach (var parameter in operation.Parameters)
        {
            var value = Convert.ToString(values[parameter.Name], System.Globalization.CultureInfo.InvariantCulture) ?? "";
            if (parameter.In == "path")
            {
                path = path.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
            }
            else if (parameter.Required || values[parameter.Name] is string { Length: > 100 } || value.StartsWith("not-a-", StringComparison.Ordinal))
            {
                query.Add($"{Uri.EscapeDataString(parameter.Name)}={Uri.EscapeDataString(value)}");
            }
        }

        var request = new HttpRequestMessage(new HttpMethod(operation.Method), query.Count == 0 ? path : path + "?" + string.Join('&', query));
        if (operation.BodyMediaType is null)
        {
            return request;
        }

        if (operation.BodyMediaType == "multipart/form-data" || operation.BodyMediaType == "application/x-www-form-urlencoded")
        {
            var form = new MultipartFormDataContent();
            foreach (var (name, schema) in BodyFields(operation))
            {
                if (IsFile(schema))
                {
                    form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("1\n00:00:01,000 --> 00:00:02,000\nHello.\n")), name, "sample.srt");
                }
                else if (body?[name] is { } value)
                {
                    form.Add(new StringContent(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""), name);
                }
            }

            request.Content = form;
        }
        else if (operation.BodyMediaType.EndsWith("json", StringComparison.Ordinal))
        {
            request.Content = JsonContent.Create(body ?? new Dictionary<string, object?>());
        }
        else
        {
            // A document body (TMX, CSV...): something of the declared type that is not a valid document.
            request.Content = new StringContent("x", Encoding.UTF8, operation.BodyMediaType);
        }

        return request;
    }
}
