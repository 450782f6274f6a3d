namespace FluxCaption.Contracts;

/// <summary>
/// What a job's translation costs: estimated before it starts, or spent so far. Tokens are zero for
/// engines that count none (Apertium); <paramref name="Cost"/> is in the currency of the prices set for
/// a hosted engine, null where no price is set (Ollama and Apertium cost nothing).
/// </summary>
public sealed record JobBudgetFigures(int Requests, long PromptTokens, long CompletionTokens, double Seconds, decimal? Cost = null)
{
    public static readonly JobBudgetFigures None = new(0, 0, 0, 0);

    public long Tokens => PromptTokens + CompletionTokens;

    /// <summary>Two spendings together (earlier attempts of a job and this one).</summary>
    public JobBudgetFigures Plus(JobBudgetFigures other) => new(
        Requests + other.Requests,
        PromptTokens + other.PromptTokens,
        CompletionTokens + other.CompletionTokens,
        Seconds + other.Seconds,
        Cost is null && other.Cost is null ? null : (Cost ?? 0) + (other.Cost ?? 0));
}
