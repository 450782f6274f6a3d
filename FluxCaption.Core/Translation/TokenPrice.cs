namespace FluxCaption.Core.Translation;

/// <summary>A hosted engine's prices per million input (prompt) and output (completion) tokens, in the user's currency.</summary>
public sealed record TokenPrice(decimal InputPerMillion, decimal OutputPerMillion)
{
    public decimal Of(long promptTokens, long completionTokens) =>
        Math.Round(((promptTokens * InputPerMillion) + (completionTokens * OutputPerMillion)) / 1_000_000m, 6);
}
