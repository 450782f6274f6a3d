namespace FluxCaption.Core.Translation.Budget;

/// <summary>
/// The tokens the engine reported for the request in flight on this async flow. Engines already
/// report usage in one place (<see cref="TranslationTelemetry.RecordUsage"/>); the translator opens a
/// scope around each request and reads it back, so a job counts what it really spent without every
/// engine's reply type having to carry it. Each request runs in its own flow, so parallel batches do
/// not mix their counts.
/// </summary>
internal sealed class RequestUsage
{
    private static readonly AsyncLocal<RequestUsage?> CurrentScope = new();

    public long? PromptTokens { get; private set; }

    public long? CompletionTokens { get; private set; }

    public bool Reported => PromptTokens is not null || CompletionTokens is not null;

    /// <summary>Starts counting for the calling flow and what it awaits; the scope ends with the async method that began it.</summary>
    public static RequestUsage Begin()
    {
        var usage = new RequestUsage();
        CurrentScope.Value = usage;
        return usage;
    }

    public static void Add(long? promptTokens, long? completionTokens)
    {
        if (CurrentScope.Value is { } usage)
        {
            usage.PromptTokens = (usage.PromptTokens ?? 0) + (promptTokens ?? 0);
            usage.CompletionTokens = (usage.CompletionTokens ?? 0) + (completionTokens ?? 0);
        }
    }
}
