namespace FluxCaption.Core.Speech;

/// <param name="WavPath">16 kHz mono 16-bit PCM WAV of one window (at most about 30 s).</param>
/// <param name="Language">Canonical BCP-47 tag of the speech; null asks the engine to detect it.</param>
/// <param name="Model">Model name or path; null means the engine's configured default.</param>
/// <param name="Prompt">Text said just before this window (the previous window's last words), to keep names and style consistent.</param>
public sealed record TranscriptionRequest(string WavPath, string? Language, string? Model = null, string? Prompt = null);
