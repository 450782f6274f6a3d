namespace FluxCaption.Core.Translation.Engines;

/// <summary>
/// An engine that serves several requests at once (an LLM server with parallel slots). The translator
/// sends this many batches of a document at a time unless Translation:MaxParallelBatches says otherwise.
/// </summary>
public interface IParallelTranslationEngine : ITranslationEngine
{
    /// <summary>Requests this engine lets through at once, across every job of the process.</summary>
    int MaxParallelRequests { get; }
}
