namespace FluxCaption.Contracts.Rules;

/// <summary>
/// The jobs a rule's last run created, by where each is now: queued, running or paused count as
/// <paramref name="Active"/>. A retried job counts where its retry is.
/// </summary>
public sealed record RuleRunJobCounts(int Total, int Active, int Succeeded, int Failed, int Cancelled)
{
    public static readonly RuleRunJobCounts None = new(0, 0, 0, 0, 0);
}
