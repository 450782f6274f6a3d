namespace FluxCaption.Contracts.Dashboard;

/// <summary>
/// The figures of the dashboard (GET /api/dashboard) at <paramref name="GeneratedAt"/>. Day buckets are
/// UTC dates, the last one today, one per day of the window whether anything happened or not.
/// </summary>
public sealed record DashboardResponse(
    DateTimeOffset GeneratedAt,
    int Days,
    IReadOnlyList<DashboardLibrary> Libraries,
    IReadOnlyList<DashboardStatusCount> JobsByStatus,
    IReadOnlyList<DashboardRunningJob> Running,
    IReadOnlyList<DashboardDay> PerDay,
    IReadOnlyList<DashboardSlowJob> Slowest,
    IReadOnlyList<DashboardFailedJob> Failures,
    IReadOnlyList<DashboardQueue> Queues);

/// <summary>A library's present items and, per language its enabled rules want, how many of them lack it.</summary>
public sealed record DashboardLibrary(Guid Id, string Name, bool Enabled, int Items, IReadOnlyList<DashboardLanguageGap> Languages);

/// <summary>Items of a library that no subtitle track covers <paramref name="Language"/> for (the items page's missing= filter).</summary>
public sealed record DashboardLanguageGap(string Language, int Missing);

/// <summary>How many jobs are in one status now (lower-case status name); every status is listed, zeros included.</summary>
public sealed record DashboardStatusCount(string Status, int Count);

/// <summary>A running job: what it translates, into which language, its stage (lower-case) and progress (0..1).</summary>
public sealed record DashboardRunningJob(Guid Id, string? Subject, string TargetLanguage, string Stage, double Progress, DateTimeOffset? StartedAt);

/// <summary>
/// What finished on one UTC day: jobs that succeeded or failed, cues their translate stage translated, and
/// engine requests and tokens they spent (every finished job, cancelled ones included, since they spent them).
/// </summary>
public sealed record DashboardDay(DateOnly Day, int Succeeded, int Failed, long TranslatedCues, long EngineRequests, long Tokens);

/// <summary>A succeeded job of the window and how long it took from its start to its end.</summary>
public sealed record DashboardSlowJob(Guid Id, string? Subject, string TargetLanguage, double Seconds, DateTimeOffset FinishedAt);

/// <summary>A failed job of the window with its reason.</summary>
public sealed record DashboardFailedJob(Guid Id, string? Subject, string TargetLanguage, string? ErrorCode, string? ErrorMessage, DateTimeOffset FinishedAt);

/// <summary>One stage stream: entries waiting for a worker and entries delivered but not finished yet.</summary>
public sealed record DashboardQueue(string Stage, long Waiting, long Pending);
