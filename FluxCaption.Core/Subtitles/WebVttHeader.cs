namespace FluxCaption.Core.Subtitles;

/// <summary>The WebVTT signature line and the blocks before the first cue (STYLE, REGION, NOTE, metadata headers), as written.</summary>
public sealed class WebVttHeader
{
    public string Signature { get; set; } = "WEBVTT";

    /// <summary>Header lines directly under the signature (e.g. X-TIMESTAMP-MAP, Kind:, Language:).</summary>
    public List<string> HeaderLines { get; set; } = [];

    /// <summary>Raw blocks (STYLE, REGION, NOTE) before the first cue, each as its lines.</summary>
    public List<List<string>> Blocks { get; set; } = [];

    /// <summary>Raw blocks after the last cue (NOTE blocks, orphaned text), each as its lines.</summary>
    public List<List<string>> TrailingBlocks { get; set; } = [];

    public WebVttHeader Clone() => new()
    {
        Signature = Signature,
        HeaderLines = [.. HeaderLines],
        Blocks = Blocks.Select(block => block.ToList()).ToList(),
        TrailingBlocks = TrailingBlocks.Select(block => block.ToList()).ToList(),
    };
}
