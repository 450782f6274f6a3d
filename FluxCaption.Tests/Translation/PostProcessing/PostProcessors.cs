using FluxCaption.Core.Translation.PostProcessing;
using Microsoft.Extensions.Options;

namespace FluxCaption.Tests.Translation.PostProcessing;

internal static class PostProcessors
{
    public static SubtitlePostProcessor Create(Action<PostProcessingOptions>? configure = null)
    {
        var options = new PostProcessingOptions();
        configure?.Invoke(options);
        return new SubtitlePostProcessor(Options.Create(options));
    }

    /// <summary>Only the named rule on, so a test sees that rule alone.</summary>
    public static SubtitlePostProcessor Only(string rule) => Create(o =>
    {
        o.CjkPunctuation = rule == nameof(o.CjkPunctuation);
        o.WrapLines = rule == nameof(o.WrapLines);
        o.RightToLeftEmbedding = rule == nameof(o.RightToLeftEmbedding);
        o.ApertiumSpacing = rule == nameof(o.ApertiumSpacing);
    });
}
