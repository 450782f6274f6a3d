namespace FluxCaption.Core.Subtitles;

/// <summary>The non-text fields of an ASS/SSA event line, kept as written so a round trip is faithful.</summary>
public sealed class AssEventFields
{
    public bool IsComment { get; set; }

    /// <summary>ASS "Layer" or SSA "Marked" value as written.</summary>
    public string Layer { get; set; } = "0";

    public string Style { get; set; } = "Default";

    public string Name { get; set; } = "";

    public string MarginL { get; set; } = "0";

    public string MarginR { get; set; } = "0";

    public string MarginV { get; set; } = "0";

    public string Effect { get; set; } = "";

    /// <summary>Values of Format fields this model has no property for, by field name, as written.</summary>
    public Dictionary<string, string>? OtherFields { get; set; }

    /// <summary>Field values as written (padding included), in the Format order they were read with.</summary>
    internal string[]? SourceValues { get; set; }

    public AssEventFields Clone()
    {
        var copy = (AssEventFields)MemberwiseClone();
        copy.OtherFields = OtherFields is null ? null : new Dictionary<string, string>(OtherFields, StringComparer.OrdinalIgnoreCase);
        return copy;
    }
}
