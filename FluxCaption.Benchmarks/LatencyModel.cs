namespace FluxCaption.Benchmarks;

/// <summary>
/// How long a local LLM server takes for one request, in model time: a fixed cost (scheduling, prompt
/// set-up, first token) plus a cost per prompt token and per generated token. Tokens are estimated as
/// characters / 4, the usual rule of thumb for English and JSON.
/// </summary>
public sealed record LatencyModel(TimeSpan FixedCost, TimeSpan CostPerCompletionToken, TimeSpan CostPerPromptToken)
{
    public static int EstimateTokens(string text) => (text.Length + 3) / 4;

    public TimeSpan Duration(int promptTokens, int completionTokens) =>
        FixedCost + (CostPerPromptToken * promptTokens) + (CostPerCompletionToken * completionTokens);
}
