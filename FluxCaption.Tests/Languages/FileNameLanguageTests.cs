using FluxCaption.Core.Languages;

namespace FluxCaption.Tests.Languages;

public class FileNameLanguageTests
{
    [Theory]
    [InlineData("movie.chi.srt", "zh-Hans")]
    [InlineData("Movie.en.srt", "en")]
    [InlineData("/media/films/Movie (2019)/Movie (2019).pt-BR.srt", "pt-BR")]
    [InlineData("Movie.eng.forced.srt", "en")]
    [InlineData("Movie.zh-Hant.sdh.default.ass", "zh-Hant")]
    [InlineData("Movie.English.srt", "en")]
    [InlineData("Show.S01E02.fre.vtt", "fr")]
    [InlineData("It.en.srt", "en")]
    [InlineData("Movie.en.hi.srt", "en")]
    [InlineData("Movie.hi.srt", "hi")]
    [InlineData(@"C:\Media\Movie.es-419.srt", "es-419")]
    public void TheLanguageIsReadFromTheEndOfASubtitleFileName(string path, string expected)
    {
        LanguageCodes.TryNormalizeFileName(path, out var canonical).ShouldBeTrue();
        canonical.ShouldBe(expected);
    }

    [Theory]
    [InlineData("It.srt")]
    [InlineData("Movie.srt")]
    [InlineData("Movie.2019.1080p.srt")]
    [InlineData("Movie.forced.srt")]
    [InlineData("Movie.und.srt")]
    [InlineData("")]
    [InlineData(null)]
    public void ANameWithoutALanguageSaysSo(string? path)
    {
        LanguageCodes.TryNormalizeFileName(path, out var canonical).ShouldBeFalse();
        canonical.ShouldBe("");
    }
}
