using System.ComponentModel.DataAnnotations;

namespace FluxCaption.Core.Translation;

/// <summary>How a document is cut into engine requests and how much context each carries (section "Translation").</summary>
public sealed class TranslationOptions
{
    public const string SectionName = "Translation";

    /// <summary>Most cues in one request: small enough for a 7B model to keep ids straight.</summary>
    [Range(1, 500)]
    public int MaxCuesPerBatch { get; set; } = 20;

    /// <summary>Rough token budget of the lines in one request (characters / 4).</summary>
    [Range(16, 100_000)]
    public int MaxTokensPerBatch { get; set; } = 1000;

    /// <summary>
    /// A silence longer than this between two lines starts a new batch. Dialogue pauses of a few
    /// seconds happen inside a scene; ten seconds without a line is usually a cut.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan SceneGap { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A batch with fewer lines left to send than this (a short scene, or one mostly served from
    /// translation memory) takes the next scene's lines in, within the cue and token budgets, instead of
    /// paying a request of its own. 1 sends every scene on its own.
    /// </summary>
    [Range(1, 500)]
    public int MinCuesPerBatch { get; set; } = 8;

    /// <summary>Earlier lines, with their translations, sent along to keep names and tone consistent.</summary>
    [Range(0, 100)]
    public int PrecedingContextLines { get; set; } = 6;

    /// <summary>Later source lines sent along so a sentence that runs on is translated as one.</summary>
    [Range(0, 100)]
    public int FollowingContextLines { get; set; } = 3;

    /// <summary>
    /// When this many batches in a row come back with no usable line before any batch ever succeeded,
    /// the model cannot do the job (no JSON, wrong language): fail it rather than grind through the
    /// whole file keeping source text. 0 never gives up.
    /// </summary>
    [Range(0, 1000)]
    public int GiveUpAfterFailedBatches { get; set; } = 3;

    /// <summary>
    /// Batches of one document in flight at once. Unset, it follows the job's engine: its own
    /// MaxParallelRequests (Ollama:MaxParallelRequests, OpenAi:MaxParallelRequests, which should match
    /// the server's OLLAMA_NUM_PARALLEL or slot count), and 1 for engines without such a setting. A
    /// lower value leaves server slots idle; a higher one only queues requests at the engine's limiter.
    /// </summary>
    [Range(1, 64)]
    public int? MaxParallelBatches { get; set; }

    /// <summary>The parallelism a document translated by <paramref name="engine"/> gets.</summary>
    public int ParallelBatchesFor(ITranslationEngine engine) =>
        MaxParallelBatches
        ?? (engine is Engines.IParallelTranslationEngine parallel ? Math.Clamp(parallel.MaxParallelRequests, 1, 64) : 1);
}
