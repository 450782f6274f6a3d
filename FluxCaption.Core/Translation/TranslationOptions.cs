using System.ComponentModel.DataAnnotations;

namespace FluxCaption.Core.Translation;

/// <summary>How a document is cut into engine requests and how much context each carries (section "Translation").</summary>
public sealed class TranslationOptions
{
    public const string SectionName = "Translation";

    /// <summary>
    /// Most cues in one request, whatever the token budget allows: a guard, because a model asked for
    /// many ids at once starts to skip, merge or renumber them, and a bad reply costs the whole batch again.
    /// </summary>
    [Range(1, 500)]
    public int MaxCuesPerBatch { get; set; } = 40;

    /// <summary>
    /// Estimated tokens of one request, prompt and reply together (<see cref="RequestCost"/>: the prompt,
    /// the context lines, each line and its translation). It must stay inside the model's context window:
    /// Ollama's default is 4096 tokens, and the estimate leaves room for its error.
    /// </summary>
    [Range(256, 1_000_000)]
    public int MaxTokensPerBatch { get; set; } = 3000;

    /// <summary>
    /// A silence longer than this between two lines starts a new batch. Dialogue pauses of a few
    /// seconds happen inside a scene; ten seconds without a line is usually a cut.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan SceneGap { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A scene gap ends a batch once it holds this many lines; a shorter scene, or one mostly served from
    /// translation memory, shares a request with the next. 1 sends every scene on its own.
    /// </summary>
    [Range(1, 500)]
    public int MinCuesPerBatch { get; set; } = 20;

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
