namespace FluxCaption.Benchmarks;

/// <summary>
/// One strategy's run against the server: what it cost and whether the file came out whole.
/// <paramref name="InFlight"/> is how many requests the client keeps going at once.
/// </summary>
public sealed record RunResult(
    string Strategy,
    int Slots,
    int Cues,
    int SourceTokens,
    ServerCounters Counters,
    TimeSpan Wall,
    double TimeScale,
    int CuesTranslated,
    int Warnings,
    int InFlight)
{
    public double RequestsPerThousandCues => Counters.Requests * 1000.0 / Cues;

    /// <summary>Of the requests, those that asked again for lines already asked: re-asks and halves after a bad reply.</summary>
    public double RecoveryShare => Counters.Requests == 0 ? 0 : (double)Counters.RecoveryRequests / Counters.Requests;

    public double PromptTokensPerSourceToken => (double)Counters.PromptTokens / SourceTokens;

    public double CompletionTokensPerSourceToken => (double)Counters.CompletionTokens / SourceTokens;

    public double ModelSeconds => Wall.TotalSeconds / TimeScale;

    /// <summary>The same requests replayed on the slots with no client or host overhead (model time).</summary>
    public IdealScheduleResult Ideal { get; } = IdealSchedule.Replay(Counters.Durations, Slots, InFlight);

    /// <summary>Busy slot time over the slot time that was available while the run lasted.</summary>
    public double SlotUtilisation => Wall > TimeSpan.Zero ? Counters.BusyWall / (Wall * Slots) : 0;
}
