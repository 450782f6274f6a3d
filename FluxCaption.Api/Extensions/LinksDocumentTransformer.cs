using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace FluxCaption.Api.Extensions;

/// <summary>
/// Puts the Web app and the Aspire dashboard in the OpenAPI document's description, so someone
/// reading the API reference on /scalar can get to the UI and to the traces of what they just called.
/// Links that are not configured are left out.
/// </summary>
internal sealed class LinksDocumentTransformer(IOptions<LinksOptions> options) : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var links = options.Value;
        var lines = new List<string>();
        if (links.Web is { } web)
        {
            lines.Add($"- Web app: [{web}]({web})");
        }

        if (links.Dashboard is { } dashboard)
        {
            lines.Add($"- Aspire dashboard (traces, metrics, logs): [{dashboard}]({dashboard})");
        }

        if (lines.Count > 0)
        {
            document.Info ??= new OpenApiInfo();
            var intro = string.IsNullOrWhiteSpace(document.Info.Description) ? "" : document.Info.Description.TrimEnd() + "\n\n";
            document.Info.Description = intro + "FluxCaption elsewhere:\n\n" + string.Join('\n', lines);
        }

        return Task.CompletedTask;
    }
}
