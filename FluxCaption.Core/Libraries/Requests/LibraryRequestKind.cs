namespace FluxCaption.Core.Libraries.Requests;

/// <summary>What a library request asks for; its target is a library id, a rule id or a Jellyfin item id.</summary>
public enum LibraryRequestKind
{
    Sync,
    FullSync,
    RuleRun,
    JellyfinItemAdded,
}
