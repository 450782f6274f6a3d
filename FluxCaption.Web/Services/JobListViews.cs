namespace FluxCaption.Web.Services;

/// <summary>One page of <c>GET /api/jobs</c>, newest first.</summary>
public sealed record JobPageView(IReadOnlyList<JobView> Items, int Page, int PageSize, int Total);

/// <summary>Plain words for job states, shared by the jobs list and the item detail.</summary>
public static class JobWords
{
    public static readonly IReadOnlyList<string> Statuses = ["queued", "running", "paused", "succeeded", "failed", "cancelled"];

    public static bool IsActive(JobView job) => job.Status is "queued" or "running" or "paused";

    public static bool IsAlreadyCovered(JobView job) => job.Error?.Code == "already_covered";

    public static bool CanPause(JobView job) => job.Status is "queued" or "running";

    public static bool CanResume(JobView job) => job.Status == "paused";

    public static bool CanCancel(JobView job) => IsActive(job);

    public static bool CanRetry(JobView job) => job.Status is "failed" || (job.Status == "cancelled" && !IsAlreadyCovered(job));

    public static string Status(JobView job) => IsAlreadyCovered(job) ? "not needed" : job.Status;

    public static string Stage(string stage) => stage switch
    {
        "scan" => "finding a source subtitle",
        "asr" => "speech recognition",
        "translate" => "translating",
        "writeback" => "writing the subtitle back",
        _ => stage,
    };

    /// <summary>What the user should read next to the status: the error, or that nothing was needed.</summary>
    public static string? Note(JobView job)
    {
        if (IsAlreadyCovered(job))
        {
            return $"Already covered: {job.Error!.Message}";
        }

        if (job.Status == "queued" && !string.IsNullOrWhiteSpace(job.WaitReason))
        {
            // Some reasons already start with "waiting for ...": say it once.
            return job.WaitReason.StartsWith("waiting", StringComparison.OrdinalIgnoreCase)
                ? char.ToUpperInvariant(job.WaitReason[0]) + job.WaitReason[1..]
                : $"Waiting: {job.WaitReason}";
        }

        return job.Error is { } error ? $"{error.Message} ({error.Code})" : null;
    }

    public static string Languages(JobView job) => $"{job.SourceLanguage ?? "auto"} → {job.TargetLanguage}";

    public static string When(DateTimeOffset? time) => time is { } t ? t.ToLocalTime().ToString("g", System.Globalization.CultureInfo.CurrentCulture) : "";
}
