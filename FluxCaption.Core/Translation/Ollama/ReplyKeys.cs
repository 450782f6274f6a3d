using System.Globalization;
using System.Text.RegularExpressions;

namespace FluxCaption.Core.Translation.Ollama;

/// <summary>
/// The keys a batch travels under to and from an LLM: "1", "2"... in batch order instead of the cue
/// positions the translator uses ("1234"). A model writes every key once per line of its reply, so
/// each digit saved is paid for again on every line generated; and small consecutive numbers are the
/// easiest ids for a model to keep straight. The translator never sees these keys.
/// </summary>
internal sealed partial class ReplyKeys
{
    private readonly Dictionary<string, string> _keyBySegment = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _segmentByKey = new(StringComparer.Ordinal);

    public ReplyKeys(IReadOnlyList<TranslationSegment> segments)
    {
        for (var i = 0; i < segments.Count; i++)
        {
            var key = (i + 1).ToString(CultureInfo.InvariantCulture);
            _keyBySegment[segments[i].Id] = key;
            _segmentByKey[key] = segments[i].Id;
        }
    }

    public string KeyOf(string segmentId) => _keyBySegment.TryGetValue(segmentId, out var key) ? key : segmentId;

    /// <summary>
    /// Back to the translator's ids. A key the batch never had must not land on a cue by accident (an
    /// invented "7" is not cue 7), so it comes back marked, and validation reports it as not asked for.
    /// </summary>
    public List<TranslatedSegment> ToSegments(IEnumerable<TranslatedSegment> replies) =>
        [.. replies.Select(reply => _segmentByKey.TryGetValue(reply.Id.Trim(), out var id)
            ? reply with { Id = id }
            : reply with { Id = $"unknown key {reply.Id.Trim()}" })];

    /// <summary>The translator's errors name its ids ("id 1234: ..."); the model must read its own keys.</summary>
    public string InError(string error) =>
        ErrorId().Replace(error, match => $"id {KeyOf(match.Groups[1].Value)}:", 1);

    [GeneratedRegex(@"^id (\S+):")]
    private static partial Regex ErrorId();
}
