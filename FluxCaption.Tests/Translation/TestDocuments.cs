using FluxCaption.Core.Subtitles;
using FluxCaption.Core.Translation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FluxCaption.Tests.Translation;

/// <summary>Small builders so each test writes its own cues in a line.</summary>
internal static class TestDocuments
{
    /// <summary>An SRT document: cue i starts at i*2 s and lasts 1.5 s.</summary>
    public static SubtitleDocument Srt(params string[] texts) => new()
    {
        Format = SubtitleFormat.Srt,
        Cues = [.. texts.Select((t, i) => new SubtitleCue
        {
            Identifier = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Start = TimeSpan.FromSeconds(i * 2),
            End = TimeSpan.FromSeconds((i * 2) + 1.5),
            Text = t,
        })],
    };

    public static SubtitleDocument Ass(params (string Text, bool IsComment)[] events) => new()
    {
        Format = SubtitleFormat.Ass,
        Ass = new AssScript
        {
            Sections = [new AssSection { Name = "Script Info", Lines = ["Title: Test"] }],
            EventFormat = ["Layer", "Start", "End", "Style", "Name", "MarginL", "MarginR", "MarginV", "Effect", "Text"],
        },
        Cues = [.. events.Select((e, i) => new SubtitleCue
        {
            Start = TimeSpan.FromSeconds(i),
            End = TimeSpan.FromSeconds(i + 0.9),
            Text = e.Text,
            Ass = new AssEventFields { IsComment = e.IsComment, Style = "Sign" },
        })],
    };

    public static SubtitleTranslationRequest Request(
        SubtitleDocument document,
        IReadOnlyDictionary<int, string>? completed = null,
        string engine = "fake",
        string source = "en",
        string target = "es") =>
        new(document, source, target, engine, Model: null, completed ?? new Dictionary<int, string>(), Title: "Test Show");

    public static SubtitleTranslator Translator(TranslationOptions? options = null, params ITranslationEngine[] engines) =>
        new(engines, Options.Create(options ?? new TranslationOptions()), NullLogger<SubtitleTranslator>.Instance);
}
