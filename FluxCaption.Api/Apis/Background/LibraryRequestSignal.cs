using System.Threading.Channels;

namespace FluxCaption.Api.Apis.Background;

/// <summary>
/// Wakes this process's <see cref="LibraryRequestService"/> as soon as one of its endpoints wrote a
/// request, so a button press does not wait for the next poll. Wakes coalesce into one.
/// </summary>
public sealed class LibraryRequestSignal
{
    private readonly Channel<bool> _wakes = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Wake() => _wakes.Writer.TryWrite(true);

    /// <summary>Returns at the first wake or after <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _wakes.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a wake.
        }
    }
}
