using System.Text.Json;
using FluxCaption.Core.Libraries.Jellyfin;

namespace FluxCaption.Api.Apis;

/// <summary>
/// The fields FluxCaption reads from a Jellyfin webhook plugin notification. The plugin's templates
/// are user-edited, so names are matched without regard to case and every other field is ignored.
/// </summary>
public sealed record JellyfinWebhookNotification(string NotificationType, string? ItemId, string? ItemType, string? ServerId)
{
    private static readonly HashSet<string> VideoTypes = new(StringComparer.OrdinalIgnoreCase) { "Movie", "Episode", "Video", "MusicVideo" };

    public bool IsVideoItemAdded =>
        string.Equals(NotificationType, "ItemAdded", StringComparison.OrdinalIgnoreCase)
        && ItemType is not null && VideoTypes.Contains(ItemType);

    /// <summary>Jellyfin's own spelling of an item id (32 hex digits, no dashes), whatever the template produced.</summary>
    public string? NormalizedItemId => Guid.TryParse(ItemId, out var id) ? id.ToString("N") : ItemId?.Trim();

    /// <summary>Reads a notification; the error names the field that is missing or unreadable.</summary>
    public static bool TryParse(JsonElement body, out JellyfinWebhookNotification? notification, out string field, out string error)
    {
        notification = null;
        field = "";
        error = "";
        if (body.ValueKind != JsonValueKind.Object)
        {
            (field, error) = ("body", "The body must be a JSON object.");
            return false;
        }

        string? type = null, itemId = null, itemType = null, serverId = null;
        foreach (var property in body.EnumerateObject())
        {
            var value = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.GetRawText(),
                _ => null,
            };
            switch (property.Name.ToLowerInvariant())
            {
                case "notificationtype": type = value; break;
                case "itemid": itemId = value; break;
                case "itemtype": itemType = value; break;
                case "serverid": serverId = value; break;
            }
        }

        if (string.IsNullOrWhiteSpace(type))
        {
            (field, error) = ("NotificationType", "NotificationType is required (the webhook plugin's {{NotificationType}}).");
            return false;
        }

        notification = new JellyfinWebhookNotification(type.Trim(), itemId, itemType?.Trim(), serverId);
        if (notification.IsVideoItemAdded && string.IsNullOrWhiteSpace(itemId))
        {
            (field, error) = ("ItemId", "ItemId is required for ItemAdded (the webhook plugin's {{ItemId}}).");
            notification = null;
            return false;
        }

        if (notification.IsVideoItemAdded && !JellyfinClient.IsItemId(itemId!.Trim()))
        {
            (field, error) = ("ItemId", $"ItemId '{itemId}' is not a Jellyfin item id (32 hexadecimal digits, as the webhook plugin's {{{{ItemId}}}} sends).");
            notification = null;
            return false;
        }

        return true;
    }
}
