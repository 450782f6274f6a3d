using Microsoft.AspNetCore.Http;

namespace FluxCaption.Tests.TestServers.ScriptedJellyfin;

internal sealed partial class ScriptedJellyfinServer
{
    // The types Jellyfin's MimeTypes table gives the containers our tests use.
    private static readonly Dictionary<string, string> VideoContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".mkv"] = "video/x-matroska",
        [".mp4"] = "video/mp4",
        [".m4v"] = "video/x-m4v",
        [".webm"] = "video/webm",
        [".avi"] = "video/x-msvideo",
        [".ts"] = "video/mp2t",
        [".mov"] = "video/quicktime",
    };

    /// <summary>
    /// <c>GET /Videos/{id}/stream?static=true&amp;mediaSourceId=...</c>: the original file as Jellyfin sends it (a
    /// physical file result with range processing): Content-Type from the extension, Content-Length, Accept-Ranges,
    /// Last-Modified, 206 with Content-Range for a Range, 416 past the end, If-Range honoured.
    /// </summary>
    private IResult StreamVideo(string id, HttpContext context)
    {
        // FluxCaption only ever asks for the original file; transcoding is not scripted.
        if (!string.Equals(context.Request.Query["static"], "true", StringComparison.OrdinalIgnoreCase))
        {
            return Results.BadRequest("The scripted Jellyfin only serves static streams.");
        }

        var item = FindItem(id);
        var mediaSourceId = context.Request.Query["mediaSourceId"].ToString().Replace("-", "", StringComparison.Ordinal);
        if (item is null || (mediaSourceId.Length > 0 && !mediaSourceId.Equals(item.Id, StringComparison.OrdinalIgnoreCase)) || !File.Exists(item.Path))
        {
            return Results.NotFound();
        }

        var contentType = VideoContentTypes.GetValueOrDefault(Path.GetExtension(item.Path), "application/octet-stream");
        return Results.File(item.Path, contentType, enableRangeProcessing: true);
    }
}
