namespace FluxCaption.Core.Data;

/// <summary>A runtime-editable setting shared by Api and Worker; secret values are stored protected.</summary>
public sealed class Setting
{
    public string Key { get; set; } = "";

    public string? Value { get; set; }

    public bool IsSecret { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
