namespace FluxCaption.Core.Subtitles;

/// <summary>One "[Name]" section of an ASS/SSA script with its raw lines.</summary>
public sealed class AssSection
{
    public string Name { get; set; } = "";

    public List<string> Lines { get; set; } = [];

    /// <summary>[Events]: how many of <see cref="Lines"/> came before the first event (null: those up to the Format line).</summary>
    internal int? EventsAt { get; set; }
}
