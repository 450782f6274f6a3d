using System.Collections.Concurrent;
using FluxCaption.Core.Messaging;

namespace FluxCaption.Core.Jobs;

/// <summary>The jobs this worker process is running, so a control signal or a lost lease can stop the right one.</summary>
public sealed class RunningJobRegistry
{
    private readonly ConcurrentDictionary<Guid, RunningJob> _running = new();

    public RunningJob Register(Guid jobId, CancellationToken processStopping)
    {
        var running = new RunningJob(jobId, processStopping, this);
        _running[jobId] = running;
        return running;
    }

    public bool IsRunning(Guid jobId) => _running.ContainsKey(jobId);

    public void Signal(JobControlMessage message)
    {
        if (_running.TryGetValue(message.JobId, out var running))
        {
            running.Stop(message.Action == JobControlAction.Cancel ? StopReason.Cancel : StopReason.Pause);
        }
    }

    internal void Remove(RunningJob running) => _running.TryRemove(new KeyValuePair<Guid, RunningJob>(running.JobId, running));
}

/// <summary>One running stage: its token fires on cancel, pause, a lost lease or process shutdown.</summary>
public sealed class RunningJob : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly RunningJobRegistry _registry;
    private int _reason = -1;

    internal RunningJob(Guid jobId, CancellationToken processStopping, RunningJobRegistry registry)
    {
        JobId = jobId;
        _registry = registry;
        _source = CancellationTokenSource.CreateLinkedTokenSource(processStopping);
    }

    public Guid JobId { get; }

    public CancellationToken Token => _source.Token;

    /// <summary>The first reason the job was stopped for; null when only the process is stopping (or nothing happened).</summary>
    public StopReason? Reason => _reason < 0 ? null : (StopReason)_reason;

    public void Stop(StopReason reason)
    {
        Interlocked.CompareExchange(ref _reason, (int)reason, -1);
        try
        {
            _source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The stage finished while the signal was on its way.
        }
    }

    public void Dispose()
    {
        _registry.Remove(this);
        _source.Dispose();
    }
}
