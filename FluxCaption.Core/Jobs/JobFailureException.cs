namespace FluxCaption.Core.Jobs;

/// <summary>A stage failure with the code the job records; <see cref="IsTransient"/> failures are retried while attempts remain.</summary>
public sealed class JobFailureException(string code, string message, bool isTransient = false, Exception? inner = null)
    : Exception(message, inner)
{
    public string Code { get; } = code;

    public bool IsTransient { get; } = isTransient;
}
