using System.ComponentModel.DataAnnotations;
using FluxCaption.Contracts;

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
    /// Once an engine has used this many times the job's estimate, in requests or in tokens
    /// (<see cref="JobBudgetFigures"/>), it asks each line not yet sent once and nothing again; what it
    /// could not translate goes to the fallback chain, or keeps its source with one job warning. 0 sets no ceiling.
    /// </summary>
    [Range(0.0, 1000.0)]
    public double BudgetCeilingFactor { get; set; } = 2.0;

    /// <summary>The ceiling is never below this many requests: recovering one refused line of a one-batch job costs two more.</summary>
    [Range(1, 1_000_000)]
    public int BudgetFloorRequests { get; set; } = 10;

    /// <summary>The ceiling is never below this many tokens (prompt and completion together), for the same reason.</summary>
    [Range(1, 1_000_000_000)]
    public int BudgetFloorTokens { get; set; } = 20_000;

    /// <summary>
    /// The whole-job failure rule starts judging an engine after this many of its requests have been
    /// answered, so a hard first batch does not condemn it. 0 turns the rule off.
    /// </summary>
    [Range(0, 100_000)]
    public int FailureRateMinRequests { get; set; } = 8;

    /// <summary>
    /// An engine stops on a job when more than this share of the lines it was sent (every send counted,
    /// re-asks included) came back unusable: it cannot do the pair, and its recovery would only multiply requests.
    /// </summary>
    [Range(0.0, 1.0)]
    public double FailureRateMaxShare { get; set; } = 0.5;

    /// <summary>For the time estimate: completion tokens an LLM engine writes per second and request (a 7B model on a CPU: about 10-20).</summary>
    [Range(0.1, 100_000.0)]
    public double EstimatedTokensPerSecond { get; set; } = 15;

    /// <summary>For the time estimate: what each request costs besides writing its reply (reading the prompt, the round trip; Apertium's whole run).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan EstimatedRequestOverhead { get; set; } = TimeSpan.FromSeconds(3);

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
