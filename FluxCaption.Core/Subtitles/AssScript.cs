namespace FluxCaption.Core.Subtitles;

/// <summary>
/// Everything of an ASS/SSA script except its events: each section with its lines as written
/// (script info, styles, fonts, graphics, unknown sections), and the [Events] Format field list.
/// </summary>
public sealed class AssScript
{
    /// <summary>Sections in file order; the [Events] section holds only its non-event lines.</summary>
    public List<AssSection> Sections { get; set; } = [];

    /// <summary>The field names of the [Events] "Format:" line, in order.</summary>
    public List<string> EventFormat { get; set; } = [];

    public AssScript Clone() => new()
    {
        Sections = Sections.Select(section => new AssSection { Name = section.Name, Lines = [.. section.Lines], EventsAt = section.EventsAt }).ToList(),
        EventFormat = [.. EventFormat],
    };
}
