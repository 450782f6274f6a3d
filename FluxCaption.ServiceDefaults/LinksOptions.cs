using System.ComponentModel.DataAnnotations;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Where a browser finds the other faces of FluxCaption (section "Links"; the AppHost sets
/// Links__WebUrl, Links__ApiUrl and Links__DashboardUrl). Each is optional: a link that is not
/// configured is not shown. These are addresses for people, not for service-to-service calls, which
/// go through service discovery.
/// </summary>
public sealed class LinksOptions : IValidatableObject
{
    public const string SectionName = "Links";

    /// <summary>The Web app's address as a browser reaches it.</summary>
    public string? WebUrl { get; set; }

    /// <summary>The Api's address as a browser reaches it; the API reference is at /scalar under it.</summary>
    public string? ApiUrl { get; set; }

    /// <summary>The Aspire dashboard (traces, metrics, logs).</summary>
    public string? DashboardUrl { get; set; }

    public Uri? Web => Parse(WebUrl);

    public Uri? Api => Parse(ApiUrl);

    /// <summary>The Api's Scalar page, when the Api's address is known.</summary>
    public Uri? ApiReference => Api is { } api ? new Uri(api.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/scalar") : null;

    /// <summary>
    /// The dashboard without any query: a login token (/login?t=...) must not end up in pages and an
    /// OpenAPI document that others may read; the dashboard asks for the token itself.
    /// </summary>
    public Uri? Dashboard => Parse(DashboardUrl) is { } dashboard ? new Uri(dashboard.GetLeftPart(UriPartial.Path)) : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[] { (nameof(WebUrl), WebUrl), (nameof(ApiUrl), ApiUrl), (nameof(DashboardUrl), DashboardUrl) })
        {
            if (!string.IsNullOrWhiteSpace(value) && Parse(value) is null)
            {
                yield return new ValidationResult(
                    $"{SectionName}:{name} must be an absolute http or https URL, not '{value}'.", [name]);
            }
        }
    }

    private static Uri? Parse(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;
}
