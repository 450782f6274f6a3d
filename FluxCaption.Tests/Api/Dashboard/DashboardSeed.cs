using FluxCaption.Contracts;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Libraries;
using FluxCaption.Tests.Web;

namespace FluxCaption.Tests.Api.Dashboard;

/// <summary>Jobs and rules with the exact times and figures the dashboard tests count on, written straight into the database.</summary>
internal static class DashboardSeed
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>UTC midnight of the day <paramref name="daysAgo"/> days before today.</summary>
    public static DateTimeOffset DayStart(int daysAgo) =>
        new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(-daysAgo);

    public static async Task AddRuleAsync(ItemsTestData data, string name, IReadOnlyList<Guid> libraries, params string[] languages)
    {
        await using var db = data.NewDbContext();
        db.AutoTranslationRules.Add(new AutoTranslationRule
        {
            Id = Guid.CreateVersion7(), Name = name, Enabled = true, LibraryIds = [.. libraries], TargetLanguages = [.. languages],
            CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>A job that ran from <paramref name="started"/> to <paramref name="finished"/> and spent what is given.</summary>
    public static async Task<Guid> AddFinishedJobAsync(
        ItemsTestData data, Guid? itemId, string target, JobStatus status, DateTimeOffset started, DateTimeOffset finished,
        int cues = 0, int requests = 0, long promptTokens = 0, long completionTokens = 0, string? errorCode = null, string? errorMessage = null)
    {
        var job = new Job
        {
            Id = Guid.CreateVersion7(), MediaItemId = itemId, TargetLanguage = target, SourceLanguage = "en", Engine = "ollama",
            Status = status, Stage = JobStage.Translate, Progress = status == JobStatus.Succeeded ? 1 : 0.5, Attempt = 1,
            ErrorCode = errorCode, ErrorMessage = errorMessage, TranslatedCues = cues,
            Budget = requests == 0 && promptTokens == 0 ? null : JobBudgetJson.Write(new JobBudget(null, new JobBudgetFigures(requests, promptTokens, completionTokens, 1))),
            CreatedAt = started, StartedAt = started, FinishedAt = finished, UpdatedAt = finished,
        };
        await using var db = data.NewDbContext();
        db.Jobs.Add(job);
        await db.SaveChangesAsync(Ct);
        return job.Id;
    }

    public static async Task<Guid> AddRunningJobAsync(ItemsTestData data, Guid? itemId, string target, JobStage stage, double progress)
    {
        var now = DateTimeOffset.UtcNow;
        var job = new Job
        {
            Id = Guid.CreateVersion7(), MediaItemId = itemId, TargetLanguage = target, SourceLanguage = "en", Engine = "ollama",
            Status = JobStatus.Running, Stage = stage, Progress = progress, Attempt = 1, LeaseOwner = "test", LeaseExpiresAt = now.AddMinutes(5),
            CreatedAt = now.AddMinutes(-3), StartedAt = now.AddMinutes(-2), UpdatedAt = now,
        };
        await using var db = data.NewDbContext();
        db.Jobs.Add(job);
        await db.SaveChangesAsync(Ct);
        return job.Id;
    }
}
