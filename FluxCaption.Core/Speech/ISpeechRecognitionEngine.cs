namespace FluxCaption.Core.Speech;

/// <summary>
/// One speech-recognition backend (Whisper.net in-process, an OpenAI-compatible transcription
/// service, whisper-asr-webservice). It transcribes one window of prepared audio; cutting, merging,
/// filtering and cue shaping are the pipeline's work, the same for every engine.
/// </summary>
public interface ISpeechRecognitionEngine
{
    /// <summary>The engine name a job or the settings ask for (see <see cref="SpeechEngineNames"/>).</summary>
    string Name { get; }

    /// <summary>
    /// Transcribes <see cref="TranscriptionRequest.WavPath"/>. Times in the result are relative to the
    /// start of that file. Throws <see cref="SpeechRecognitionException"/> naming what went wrong.
    /// </summary>
    Task<WindowTranscript> TranscribeAsync(TranscriptionRequest request, CancellationToken cancellationToken);
}
