using System.Text.Json.Serialization;

namespace FluxCaption.Core.Libraries.Jellyfin;

// Jellyfin speaks PascalCase, which is how the records are declared; reading is case-insensitive
// because older servers and plugins are not consistent.
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(JellyfinSystemInfo))]
[JsonSerializable(typeof(List<JellyfinVirtualFolder>))]
[JsonSerializable(typeof(JellyfinItemsResult))]
[JsonSerializable(typeof(JellyfinSubtitleUpload))]
internal sealed partial class JellyfinJsonContext : JsonSerializerContext;
