namespace FluxCaption.Core.Subtitles;

/// <summary>One "[Name]" section of an ASS/SSA script with its raw lines.</summary>
public sealed class AssSection
{
    public string Name { get; set; } = "";

    public List<string> Lines { get; set; } = [];
}
