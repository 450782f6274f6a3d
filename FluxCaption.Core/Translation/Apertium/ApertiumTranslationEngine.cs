using System.Diagnostics;
using FluxCaption.Core.Languages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FluxCaption.Core.Translation.Apertium;

/// <summary>
/// Offline rule-based translation with the apertium command line, for the pairs installed on this
/// machine. One apertium process translates a whole batch in apertium's stream format, one
/// null-flushed chunk per segment (-z -f none); markup placeholders and line breaks ride through as
/// superblanks (see <see cref="ApertiumStreamCodec"/>). Unknown words are left as they are (-u).
/// </summary>
public sealed class ApertiumTranslationEngine : ITranslationEngine
{
    public const string EngineName = "apertium";

    private static readonly TimeSpan DiscoveryTimeout = TimeSpan.FromSeconds(15);

    private readonly ApertiumOptions _options;
    private readonly ILogger<ApertiumTranslationEngine> _logger;
    private readonly Lazy<ApertiumInstallation> _installation;

    public ApertiumTranslationEngine(IOptions<ApertiumOptions> options, ILogger<ApertiumTranslationEngine> logger)
    {
        _options = options.Value;
        _logger = logger;
        Runner = new ApertiumProcessRunner(_options);
        _installation = new Lazy<ApertiumInstallation>(Discover, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Name => EngineName;

    /// <summary>The pairs apertium reported when first asked; discovery runs once per engine instance.</summary>
    public IReadOnlyList<ApertiumPair> InstalledPairs => _installation.Value.Pairs;

    internal ApertiumProcessRunner Runner { get; }

    public bool Supports(string sourceLanguage, string targetLanguage) =>
        ApertiumModes.Find(InstalledPairs, sourceLanguage, targetLanguage) is not null;

    public async Task<IReadOnlyList<TranslatedSegment>> TranslateAsync(TranslationBatch batch, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pair = ApertiumModes.Find(InstalledPairs, batch.SourceLanguage, batch.TargetLanguage)
            ?? throw Unavailable(batch.SourceLanguage, batch.TargetLanguage);
        if (batch.Segments.Count == 0)
        {
            return [];
        }

        var encoded = ApertiumStreamCodec.Encode(batch.Segments);
        var started = Stopwatch.GetTimestamp();
        var output = await Runner.RunAsync(Arguments("-u", "-z", "-f", "none", pair.Mode), encoded.Input, cancellationToken);
        var texts = ApertiumStreamCodec.Decode(encoded, output);

        _logger.LogDebug(
            "Apertium {Mode} translated {SegmentCount} segments in {ElapsedMs} ms",
            pair.Mode, batch.Segments.Count, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);

        return batch.Segments.Select((segment, index) => new TranslatedSegment(segment.Id, texts[index])).ToList();
    }

    private TranslationEngineUnavailableException Unavailable(string source, string target)
    {
        var installation = _installation.Value;
        if (installation.Problem is not null)
        {
            return new TranslationEngineUnavailableException(EngineName, installation.Problem);
        }

        var installed = installation.Pairs.Count == 0
            ? "none"
            : string.Join(", ", installation.Pairs.Select(p => $"{p.Mode} ({p.SourceLanguage} -> {p.TargetLanguage})"));
        return new TranslationEngineUnavailableException(
            EngineName,
            $"Apertium has no installed pair from {Describe(source)} to {Describe(target)}. Installed pairs: {installed}.");
    }

    private static string Describe(string language) =>
        LanguageCodes.TryNormalize(language, out var canonical)
            ? $"{LanguageCodes.DisplayName(canonical)} ({canonical})"
            : $"'{language}'";

    private List<string> Arguments(params string[] arguments)
    {
        var all = new List<string>();
        if (!string.IsNullOrWhiteSpace(_options.DataDirectory))
        {
            all.Add("-d");
            all.Add(_options.DataDirectory);
        }

        all.AddRange(arguments);
        return all;
    }

    private ApertiumInstallation Discover()
    {
        using var timeout = new CancellationTokenSource(DiscoveryTimeout);
        try
        {
            // Supports() is synchronous by contract; this runs once, on the first question asked.
            var listing = Runner.RunAsync(Arguments("-l"), "", timeout.Token).GetAwaiter().GetResult();
            var pairs = ApertiumModes.ParseListing(listing);
            _logger.LogInformation(
                "Apertium at {ExecutablePath} has {PairCount} pairs: {Modes}",
                _options.ExecutablePath, pairs.Count, string.Join(", ", pairs.Select(p => p.Mode)));
            return new ApertiumInstallation(pairs, null);
        }
        catch (Exception exception) when (exception is TranslationEngineUnavailableException or ApertiumProcessException or TimeoutException or OperationCanceledException)
        {
            _logger.LogWarning(exception, "Apertium at {ExecutablePath} is not usable", _options.ExecutablePath);
            return new ApertiumInstallation([], exception.Message);
        }
    }

    private sealed record ApertiumInstallation(IReadOnlyList<ApertiumPair> Pairs, string? Problem);
}
