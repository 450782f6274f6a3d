using FluxCaption.Contracts;

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

    /// <summary>The control action that retries a job asking again for the lines it kept in the source.</summary>
    public const string AskAgainAction = "retry?retranslateKept=true";

    /// <summary>
    /// A finished job whose warnings say lines kept their source (one by one, or under an engine that
    /// stopped) may ask for them again, a succeeded one included; its new result replaces the old.
    /// </summary>
    public static bool CanAskAgain(JobView job) =>
        (job.Status == "succeeded" || CanRetry(job))
        && (job.Warnings ?? []).Any(w => w.Code is "kept_source" or "engine_stopped");

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

    /// <summary>"4 requests, 3.2k tokens, 12 s, 0.0041": one side of the budget in a few words (tokens and cost only where they count).</summary>
    public static string Figures(JobBudgetFigures figures)
    {
        var parts = new List<string> { figures.Requests == 1 ? "1 request" : $"{figures.Requests} requests" };
        if (figures.Tokens > 0)
        {
            parts.Add(figures.Tokens >= 10_000 ? $"{figures.Tokens / 1000.0:0.#}k tokens" : $"{figures.Tokens} tokens");
        }

        parts.Add(figures.Seconds >= 90 ? $"{figures.Seconds / 60:0.#} min" : $"{figures.Seconds:0.#} s");
        if (figures.Cost is { } cost)
        {
            parts.Add($"cost {cost:0.####}");
        }

        return string.Join(", ", parts);
    }

    /// <summary>Estimate against spending, for the jobs list; empty before the translation is planned.</summary>
    public static string Budget(JobView job) => (job.Estimate, job.Spent) switch
    {
        ({ } estimate, { } spent) => $"Estimated {Figures(estimate)}; spent {Figures(spent)}",
        ({ } estimate, null) => $"Estimated {Figures(estimate)}",
        (null, { } spent) => $"Spent {Figures(spent)}",
        _ => "",
    };

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
