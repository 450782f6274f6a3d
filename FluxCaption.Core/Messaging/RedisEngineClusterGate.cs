using FluxCaption.Core.Translation.Limits;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace FluxCaption.Core.Messaging;

/// <summary>
/// <see cref="IEngineClusterGate"/> in Redis. In-flight requests are members of a sorted set scored by
/// when their lease ends, so a slot held by a process that died frees itself after <see cref="LeaseTtl"/>;
/// a live holder renews its lease every third of it. Times come from the Redis server's clock, so the
/// Workers' clocks never need to agree. Start spacing is a "next start" time that each request moves on.
/// </summary>
public sealed partial class RedisEngineClusterGate : IEngineClusterGate
{
    public static readonly TimeSpan DefaultLeaseTtl = TimeSpan.FromSeconds(30);

    // Returns -1 when every slot is taken, else the milliseconds to wait before the request may start.
    private const string EnterScript = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local ttl = tonumber(ARGV[2])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
        if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return -1 end
        redis.call('ZADD', KEYS[1], now + ttl, ARGV[3])
        redis.call('PEXPIRE', KEYS[1], ttl * 2)
        local spacing = tonumber(ARGV[4])
        if spacing <= 0 then return 0 end
        local nextStart = tonumber(redis.call('GET', KEYS[2]) or '0')
        local start = math.max(now, nextStart)
        redis.call('SET', KEYS[2], start + spacing, 'PX', start + spacing - now + 60000)
        return start - now
        """;

    private const string RenewScript = """
        if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
        redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) * 2)
        return 1
        """;

    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(400);

    private readonly IConnectionMultiplexer redis;
    private readonly RedisKeys keys;
    private readonly ILogger<RedisEngineClusterGate> logger;

    public RedisEngineClusterGate(IConnectionMultiplexer redis, RedisKeys keys, ILogger<RedisEngineClusterGate> logger)
        : this(redis, keys, logger, DefaultLeaseTtl)
    {
    }

    /// <param name="leaseTtl">How long a slot outlives a holder that stopped renewing it (tests shorten it).</param>
    internal RedisEngineClusterGate(IConnectionMultiplexer redis, RedisKeys keys, ILogger<RedisEngineClusterGate> logger, TimeSpan leaseTtl)
    {
        this.redis = redis;
        this.keys = keys;
        this.logger = logger;
        LeaseTtl = leaseTtl;
    }

    public TimeSpan LeaseTtl { get; }

    public async Task<IDisposable?> EnterAsync(string engine, int maxParallel, TimeSpan spacing, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(engine);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParallel, 1);
        var slots = keys.EngineSlots(engine);
        var member = Guid.NewGuid().ToString("N");
        var poll = FirstPoll;
        try
        {
            while (true)
            {
                var wait = (long)await redis.GetDatabase().ScriptEvaluateAsync(
                    EnterScript,
                    [slots, keys.EngineNextStart(engine)],
                    [maxParallel, (long)LeaseTtl.TotalMilliseconds, member, (long)spacing.TotalMilliseconds]);
                if (wait >= 0)
                {
                    var slot = new Slot(redis, slots, member, LeaseTtl, logger);
                    if (wait > 0)
                    {
                        await WaitHoldingAsync(slot, TimeSpan.FromMilliseconds(wait), cancellationToken);
                    }

                    return slot;
                }

                // Jittered so that Workers waiting for the same engine do not all ask at the same moment.
                await Task.Delay(poll + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 25)), cancellationToken);
                poll = poll * 2 < LongestPoll ? poll * 2 : LongestPoll;
            }
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogUnavailable(logger, exception, engine);
            return null;
        }
    }

    private static async Task WaitHoldingAsync(Slot slot, TimeSpan wait, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(wait, cancellationToken);
        }
        catch
        {
            slot.Dispose();
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unreachable: requests to {Engine} are limited per process until it is back")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string engine);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Renewing an engine slot lease failed; it frees itself when the lease ends")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception);

    private sealed class Slot : IDisposable
    {
        private readonly IConnectionMultiplexer _redis;
        private readonly RedisKey _slots;
        private readonly string _member;
        private readonly TimeSpan _leaseTtl;
        private readonly ILogger _logger;
        private readonly Timer _renewal;
        private int _released;

        public Slot(IConnectionMultiplexer redis, RedisKey slots, string member, TimeSpan leaseTtl, ILogger logger)
        {
            _redis = redis;
            _slots = slots;
            _member = member;
            _leaseTtl = leaseTtl;
            _logger = logger;
            _renewal = new Timer(_ => Renew(), null, leaseTtl / 3, leaseTtl / 3);
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            _renewal.Dispose();
            // Not awaited: the request is over either way, and a lost release only holds the slot until its lease ends.
            _redis.GetDatabase().SortedSetRemove(_slots, _member, CommandFlags.FireAndForget);
        }

        private void Renew()
        {
            if (Volatile.Read(ref _released) != 0)
            {
                return;
            }

            _redis.GetDatabase().ScriptEvaluateAsync(RenewScript, [_slots], [_member, (long)_leaseTtl.TotalMilliseconds])
                .ContinueWith(task => LogRenewFailed(_logger, task.Exception!), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }
}
