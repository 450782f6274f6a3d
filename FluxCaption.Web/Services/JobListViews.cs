using System.Globalization;
using FluxCaption.Contracts;
using Microsoft.Extensions.Localization;

namespace FluxCaption.Web.Services;

/// <summary>One page of <c>GET /api/jobs</c>, newest first.</summary>
public sealed record JobPageView(IReadOnlyList<JobView> Items, int Page, int PageSize, int Total);

/// <summary>
/// Plain words for job states, shared by the jobs list, a job's page and an item's detail. What a job
/// may do is static; what it says goes through <paramref name="L"/>, so it reads in the reader's language.
/// </summary>
public sealed class JobWords(IStringLocalizer<JobWords> L)
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

    /// <summary>A status name (queued, running...) in the reader's language.</summary>
    public string StatusName(string status) => status switch
    {
        "queued" => L["queued"],
        "running" => L["running"],
        "paused" => L["paused"],
        "succeeded" => L["succeeded"],
        "failed" => L["failed"],
        "cancelled" => L["cancelled"],
        _ => status,
    };

    public string Status(JobView job) => IsAlreadyCovered(job) ? L["not needed"] : StatusName(job.Status);

    public string Stage(string stage) => stage switch
    {
        "scan" => L["finding a source subtitle"],
        "asr" => L["making a source (speech recognition or OCR)"],
        "translate" => L["translating"],
        "writeback" => L["writing the subtitle back"],
        _ => stage,
    };

    /// <summary>What the user should read next to the status: the error, or that nothing was needed.</summary>
    public string? Note(JobView job)
    {
        if (IsAlreadyCovered(job))
        {
            return L["Already covered: {0}", job.Error!.Message];
        }

        if (job.Status == "queued" && !string.IsNullOrWhiteSpace(job.WaitReason))
        {
            // Some reasons already start with "waiting for ...": say it once.
            return job.WaitReason.StartsWith("waiting", StringComparison.OrdinalIgnoreCase)
                ? char.ToUpperInvariant(job.WaitReason[0]) + job.WaitReason[1..]
                : L["Waiting: {0}", job.WaitReason];
        }

        if (job.Error is { } error)
        {
            return $"{error.Message} ({error.Code})";
        }

        return job.Status == "running" && job.SourceWork is { } work ? SourceWork(work) : null;
    }

    /// <summary>What the asr stage is doing, in words: "Transcribing the en audio track 1: 3.5 of 42.0 min, about 5 min left".</summary>
    public string SourceWork(SourceWorkView work)
    {
        if (work.Kind == "ocr")
        {
            return L["Reading the images of the {0}", work.Track];
        }

        if (work.AudioSeconds is not { } total || work.DoneSeconds is not { } done)
        {
            return L["Transcribing the {0}", work.Track];
        }

        return work.EtaSeconds is { } eta
            ? L["Transcribing the {0}: {1} of {2} min, about {3} min left", work.Track, Minutes(done), Minutes(total), Math.Max(1, (int)Math.Ceiling(eta / 60))]
            : L["Transcribing the {0}: {1} of {2} min", work.Track, Minutes(done), Minutes(total)];
    }

    private static string Minutes(double seconds) => (seconds / 60).ToString("0.0", CultureInfo.CurrentCulture);

    /// <summary>"4 requests, 3.2k tokens, 12 s, cost 0.0041": one side of the budget in a few words (tokens and cost only where they count).</summary>
    public string Figures(JobBudgetFigures figures)
    {
        var culture = CultureInfo.CurrentCulture;
        var parts = new List<string> { figures.Requests == 1 ? L["1 request"] : L["{0} requests", figures.Requests] };
        if (figures.Tokens > 0)
        {
            parts.Add(figures.Tokens >= 10_000
                ? L["{0}k tokens", (figures.Tokens / 1000.0).ToString("0.#", culture)]
                : L["{0} tokens", figures.Tokens]);
        }

        parts.Add(figures.Seconds >= 90
            ? L["{0} min", (figures.Seconds / 60).ToString("0.#", culture)]
            : L["{0} s", figures.Seconds.ToString("0.#", culture)]);
        if (figures.Cost is { } cost)
        {
            parts.Add(L["cost {0}", cost.ToString("0.####", culture)]);
        }

        return string.Join(L[", "], parts);
    }

    /// <summary>Estimate against spending, for the jobs list; empty before the translation is planned.</summary>
    public string Budget(JobView job) => (job.Estimate, job.Spent) switch
    {
        ({ } estimate, { } spent) => L["Estimated {0}; spent {1}", Figures(estimate), Figures(spent)],
        ({ } estimate, null) => L["Estimated {0}", Figures(estimate)],
        (null, { } spent) => L["Spent {0}", Figures(spent)],
        _ => "",
    };

    public string Languages(JobView job) => $"{job.SourceLanguage ?? L["auto"]} → {job.TargetLanguage}";

    /// <summary>Where the translation's source came from, in words; null for uploads and before the source is known.</summary>
    public string? Source(JobView job)
    {
        if (job.Source is not { } source)
        {
            return null;
        }

        var made = source.Engine is null ? "" : source.Model is null ? $" ({source.Engine})" : $" ({source.Engine}, {source.Model})";
        return source.Origin switch
        {
            "existing" => L["from a subtitle file"],
            "extracted" => L["from an embedded subtitle track"],
            "ocr" => L["from an image-based subtitle track by OCR{0}", made],
            "asr" => L["from the audio by speech recognition{0}", made],
            "mt" => L["from FluxCaption's own translation"],
            _ => L["from {0}", source.Origin],
        };
    }

    public static string When(DateTimeOffset? time) => time is { } t ? t.ToLocalTime().ToString("g", CultureInfo.CurrentCulture) : "";
}
