namespace FluxCaption.Tests.TestServers.ScriptedSpeech;

/// <summary>
/// One request a scripted transcription server received: its form fields (repeated fields keep every
/// value, e.g. timestamp_granularities[]), its query, the uploaded file and how it was answered.
/// </summary>
public sealed record RecordedTranscriptionRequest(
    string Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Fields,
    string? FileField,
    string? FileName,
    byte[]? File,
    string? Authorization,
    TranscriptionBehaviour? Behaviour)
{
    public string? Field(string name) => Fields.TryGetValue(name, out var values) ? values[0] : null;
}
