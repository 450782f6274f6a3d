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
        "asr" => "making a source (speech recognition or OCR)",
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

        if (job.Error is { } error)
        {
            return $"{error.Message} ({error.Code})";
        }

        return job.Status == "running" && job.SourceWork is { } work ? SourceWork(work) : null;
    }

    /// <summary>What the asr stage is doing, in words: "Transcribing the en audio track 1: 3.5 of 42.0 min, about 5 min left".</summary>
    public static string SourceWork(SourceWorkView work)
    {
        if (work.Kind == "ocr")
        {
            return $"Reading the images of the {work.Track}";
        }

        var text = $"Transcribing the {work.Track}";
        if (work.AudioSeconds is { } total && work.DoneSeconds is { } done)
        {
            text += $": {Minutes(done)} of {Minutes(total)} min";
            if (work.EtaSeconds is { } eta)
            {
                text += $", about {Math.Max(1, (int)Math.Ceiling(eta / 60))} min left";
            }
        }

        return text;
    }

    private static string Minutes(double seconds) => (seconds / 60).ToString("0.0", System.Globalization.CultureInfo.CurrentCulture);

    public static string Languages(JobView job) => $"{job.SourceLanguage ?? "auto"} → {job.TargetLanguage}";

    /// <summary>Where the translation's source came from, in words; null for uploads and before the source is known.</summary>
    public static string? Source(JobView job)
    {
        if (job.Source is not { } source)
        {
            return null;
        }

        var made = source.Engine is null ? "" : source.Model is null ? $" ({source.Engine})" : $" ({source.Engine}, {source.Model})";
        return source.Origin switch
        {
            "existing" => "from a subtitle file",
            "extracted" => "from an embedded subtitle track",
            "ocr" => $"from an image-based subtitle track by OCR{made}",
            "asr" => $"from the audio by speech recognition{made}",
            "mt" => "from FluxCaption's own translation",
            _ => $"from {source.Origin}",
        };
    }

    public static string When(DateTimeOffset? time) => time is { } t ? t.ToLocalTime().ToString("g", System.Globalization.CultureInfo.CurrentCulture) : "";
}
