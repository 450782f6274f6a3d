using System.Text.Json;
using System.Text.RegularExpressions;
using FluxCaption.Contracts.Subtitles;
using FluxCaption.Core.Subtitles;

namespace FluxCaption.Api.Apis.Subtitles;

/// <summary>
/// The cues of a subtitle as the editor shows them. For a translation: each cue beside the source cue it
/// was made from (<see cref="CueAlignment"/>), and marked where its job recorded something about the line
/// (kept in the source, any other warning) or where it still reads exactly as its source.
/// </summary>
internal static partial class SubtitleCueViews
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record StoredWarning(int? CueIndex, string? Code, string? Message);

    public static List<SubtitleCueView> Plain(SubtitleDocument document) =>
        [.. document.Cues.Select((cue, index) => new SubtitleCueView(index, Milliseconds(cue.Start), Milliseconds(cue.End), cue.Text, null, []))];

    /// <param name="source">The subtitle that was translated, as stored.</param>
    /// <param name="warningsJson">The translating job's warnings column (cue indexes are the source's).</param>
    public static List<SubtitleCueView> Translation(SubtitleDocument translation, SubtitleDocument source, string? warningsJson)
    {
        // The translation was written in its own format from the source converted to it, cue for cue;
        // the same conversion puts the source's text in the markup of the translation beside it.
        var converted = SubtitleConverter.Convert(source, translation.Format);
        var shown = converted.Cues.Count == source.Cues.Count ? converted : source;
        var pairs = CueAlignment.Align(translation.Cues, shown.Cues);
        var warnings = ReadWarnings(warningsJson);
        var views = new List<SubtitleCueView>(translation.Cues.Count);
        for (var i = 0; i < translation.Cues.Count; i++)
        {
            var cue = translation.Cues[i];
            var sourceText = pairs[i] is { } sourceIndex ? shown.Cues[sourceIndex].Text : null;
            var markers = new List<CueMarker>();
            var same = sourceText is not null && string.Equals(cue.Text.Trim(), sourceText.Trim(), StringComparison.Ordinal);
            foreach (var warning in pairs[i] is { } index && warnings.TryGetValue(index, out var found) ? found : [])
            {
                if (warning.Code == CueMarkerKinds.KeptSource)
                {
                    // Once a person has translated a kept line, the mark would only mislead.
                    if (same)
                    {
                        markers.Add(new CueMarker(CueMarkerKinds.KeptSource, warning.Code, warning.Message));
                    }
                }
                else
                {
                    markers.Add(new CueMarker(CueMarkerKinds.Warning, warning.Code, warning.Message));
                }
            }

            if (same && !cue.IsComment && markers.All(marker => marker.Kind != CueMarkerKinds.KeptSource) && HasWords(sourceText!))
            {
                markers.Add(new CueMarker(CueMarkerKinds.Untranslated, null, null));
            }

            views.Add(new SubtitleCueView(i, Milliseconds(cue.Start), Milliseconds(cue.End), cue.Text, sourceText, markers));
        }

        return views;
    }

    private static Dictionary<int, List<StoredWarning>> ReadWarnings(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            return (JsonSerializer.Deserialize<List<StoredWarning>>(json, Json) ?? [])
                .Where(warning => warning is { CueIndex: not null, Code: not null })
                .GroupBy(warning => warning.CueIndex!.Value)
                .ToDictionary(group => group.Key, group => group.ToList());
        }
        catch (JsonException)
        {
            // Warnings written in another shape mark nothing; the cues are still worth showing.
            return [];
        }
    }

    /// <summary>Whether a line says something once its markup is gone: drawings ({\p1}m 0 0 l...) and tags alone need no translation.</summary>
    private static bool HasWords(string text) => Words().IsMatch(Markup().Replace(text, ""));

    [GeneratedRegex(@"\{[^}]*\}|<[^>]*>")]
    private static partial Regex Markup();

    [GeneratedRegex(@"\p{L}{2,}|\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Words();

    private static long Milliseconds(TimeSpan time) => (long)time.TotalMilliseconds;
}
