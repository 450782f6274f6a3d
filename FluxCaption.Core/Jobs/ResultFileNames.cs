using FluxCaption.Core.Languages;
using FluxCaption.Core.Subtitles;

namespace FluxCaption.Core.Jobs;

/// <summary>Names a translated file after its source: "movie.en.srt" to Spanish becomes "movie.es.srt".</summary>
internal static class ResultFileNames
{
    public static string For(string? sourceFileName, string targetLanguage, SubtitleFormat format)
    {
        var baseName = Path.GetFileNameWithoutExtension(Path.GetFileName(sourceFileName ?? ""));
        var lastDot = baseName.LastIndexOf('.');
        if (lastDot > 0 && LanguageCodes.TryNormalize(baseName[(lastDot + 1)..], out _))
        {
            baseName = baseName[..lastDot];
        }

        if (string.IsNullOrWhiteSpace(baseName))
        {
            baseName = "subtitle";
        }

        return $"{baseName}.{targetLanguage}{SubtitleFile.Extension(format)}";
    }
}
