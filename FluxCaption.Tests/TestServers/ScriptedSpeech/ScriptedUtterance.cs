namespace FluxCaption.Tests.TestServers.ScriptedSpeech;

/// <summary>
/// One thing said in the uploaded audio, as the test scripts it: the scripted servers answer it as a
/// segment whose words share its time evenly.
/// </summary>
public sealed record ScriptedUtterance(double Start, double End, string Text)
{
    /// <summary>The utterance's words with evenly shared times, clipped to <paramref name="audioSeconds"/>.</summary>
    public IReadOnlyList<(double Start, double End, string Word)> Words(double audioSeconds)
    {
        var words = Text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var end = Math.Min(End, audioSeconds);
        var step = (end - Start) / Math.Max(1, words.Length);
        return [.. words.Select((word, i) => (Math.Round(Start + (i * step), 2), Math.Round(Start + ((i + 1) * step), 2), word))];
    }
}
