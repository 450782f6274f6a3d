using FluxCaption.Core.Data;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Subtitles;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Tests.Api.Subtitles;

/// <summary>
/// A finished upload job written straight into a test database: an English source, its Spanish
/// translation and the warnings the job recorded (cue 2 kept in English with its reason, cue 3 left as
/// its source without a word, cue 1 translated by a fallback engine).
/// </summary>
public static class SubtitleTestData
{
    public const string EnglishSrt = """
        1
        00:00:01,000 --> 00:00:02,000
        Where is the ring?

        2
        00:00:03,000 --> 00:00:04,000
        Frodo has it.

        3
        00:00:05,000 --> 00:00:06,500
        Run, you fools!

        """;

    public const string SpanishSrt = """
        1
        00:00:01,000 --> 00:00:02,000
        ¿Dónde está el anillo?

        2
        00:00:03,000 --> 00:00:04,000
        Frodo has it.

        3
        00:00:05,000 --> 00:00:06,500
        Run, you fools!

        """;

    public const string KeptReason = "Kept the source text: the engine answered in English twice.";

    public const string Warnings = $$"""
        [{"cueIndex":0,"code":"fallback_engine","message":"apertium translated this line.","engine":"apertium"},
         {"cueIndex":1,"code":"kept_source","message":"{{KeptReason}}"}]
        """;

    public sealed record Seeded(Guid JobId, Guid SourceId, Guid TranslationId);

    /// <summary>Adds the job with its two subtitles; <paramref name="translationSrt"/> replaces the Spanish text (a long file, say).</summary>
    public static async Task<Seeded> AddUploadJobAsync(string connectionString, string? sourceSrt = null, string? translationSrt = null)
    {
        await using var db = Open(connectionString);
        var created = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
        var source = new SubtitleDocumentEntity
        {
            Id = Guid.CreateVersion7(), Format = SubtitleFormat.Srt, Language = "en", Origin = SubtitleDocumentOrigin.Upload,
            Content = sourceSrt ?? EnglishSrt, FileName = "film.en.srt", CreatedAt = created,
        };
        var translation = new SubtitleDocumentEntity
        {
            Id = Guid.CreateVersion7(), Format = SubtitleFormat.Srt, Language = "es", Origin = SubtitleDocumentOrigin.Mt,
            Content = translationSrt ?? SpanishSrt, FileName = "film.es.srt", Engine = "ollama", Model = "qwen2.5:7b",
            SourceDocumentId = source.Id, CreatedAt = created.AddMinutes(2),
        };
        var job = new Job
        {
            Id = Guid.CreateVersion7(), Stage = JobStage.Translate, Status = JobStatus.Succeeded, SourceDocumentId = source.Id,
            ResultDocumentId = translation.Id, SourceLanguage = "en", TargetLanguage = "es", Engine = "ollama", Model = "qwen2.5:7b",
            OutputFormat = SubtitleFormat.Srt, Progress = 1, Warnings = Warnings, CreatedAt = created, UpdatedAt = created.AddMinutes(2),
            FinishedAt = created.AddMinutes(2),
        };
        db.SubtitleDocuments.AddRange(source, translation);
        db.Jobs.Add(job);
        await db.SaveChangesAsync();
        return new Seeded(job.Id, source.Id, translation.Id);
    }

    public static async Task<SubtitleDocumentEntity> DocumentAsync(string connectionString, Guid id)
    {
        await using var db = Open(connectionString);
        return await db.SubtitleDocuments.AsNoTracking().SingleAsync(document => document.Id == id);
    }

    /// <summary>An SRT of <paramref name="count"/> cues, one a second, whose text is <paramref name="text"/>(i).</summary>
    public static string Srt(int count, Func<int, string> text) => string.Concat(Enumerable.Range(0, count).Select(i =>
        $"{i + 1}\n{Time(i * 1000 + 100)} --> {Time(i * 1000 + 900)}\n{text(i)}\n\n"));

    private static string Time(int ms) => TimeSpan.FromMilliseconds(ms).ToString(@"hh\:mm\:ss\,fff", System.Globalization.CultureInfo.InvariantCulture);

    private static FluxCaptionDbContext Open(string connectionString)
    {
        var options = new DbContextOptionsBuilder<FluxCaptionDbContext>();
        DataExtensions.Configure(options, connectionString);
        return new FluxCaptionDbContext(options.Options);
    }
}
