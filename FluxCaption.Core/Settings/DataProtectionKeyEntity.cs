namespace FluxCaption.Core.Settings;

/// <summary>One key of the shared Data Protection key ring (table <c>data_protection_keys</c>).</summary>
public sealed class DataProtectionKeyEntity
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    /// <summary>The key as Data Protection wrote it (XML).</summary>
    public string Xml { get; set; } = "";
}
