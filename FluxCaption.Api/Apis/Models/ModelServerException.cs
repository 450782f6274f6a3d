namespace FluxCaption.Api.Apis.Models;

/// <summary>
/// A model server could not be asked (<see cref="Unreachable"/>: connection refused, timed out, circuit
/// open) or answered with an error of its own (<see cref="ServerStatus"/> and its text).
/// </summary>
public sealed class ModelServerException(string server, string message, bool unreachable, int? serverStatus = null, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>"Ollama at http://host:11434/" or "the OpenAI-compatible server at ...".</summary>
    public string Server { get; } = server;

    public bool Unreachable { get; } = unreachable;

    /// <summary>The HTTP status the server answered with; null when it could not be reached.</summary>
    public int? ServerStatus { get; } = serverStatus;
}
