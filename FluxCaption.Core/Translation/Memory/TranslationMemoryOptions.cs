namespace FluxCaption.Core.Translation.Memory;

/// <summary>Section "Translation:Memory".</summary>
public sealed class TranslationMemoryOptions
{
    public const string SectionName = "Translation:Memory";

    /// <summary>When false nothing is looked up or stored: every line goes to the engine again.</summary>
    public bool Enabled { get; set; } = true;
}
