namespace FluxCaption.Core.Subtitles.Protection;

/// <summary>The outcome of putting markup back into a translation: the native text, or why it cannot be trusted.</summary>
public sealed record RestoreResult(bool Succeeded, string Text, string? Error)
{
    public static RestoreResult Ok(string text) => new(true, text, null);

    public static RestoreResult Fail(string error) => new(false, "", error);
}
