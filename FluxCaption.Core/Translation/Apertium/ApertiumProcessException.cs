namespace FluxCaption.Core.Translation.Apertium;

/// <summary>An apertium run failed (exit code, broken output): the batch may succeed when retried or split.</summary>
public sealed class ApertiumProcessException : Exception
{
    public ApertiumProcessException(string message, int? exitCode = null, string? standardError = null)
        : base(message)
    {
        ExitCode = exitCode;
        StandardError = standardError;
    }

    public int? ExitCode { get; }

    public string? StandardError { get; }
}
