using Microsoft.AspNetCore.Http;

namespace FluxCaption.Tests.TestServers.ScriptedJellyfin;

/// <summary>
/// Wraps a response body to misbehave as a flaky network does once the headers are out: the connection drops
/// after some bytes, goes silent while staying open, or the bytes trickle in slowly.
/// </summary>
internal sealed class FaultyResponseBody(HttpContext context, JellyfinFault fault, ScriptedJellyfinServer server, CancellationToken aborted) : Stream
{
    private readonly Stream _inner = context.Response.Body;
    private long _sent;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _sent;
        set => throw new NotSupportedException();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (fault == JellyfinFault.TrickleBody)
        {
            for (var offset = 0; offset < buffer.Length; offset += server.TrickleChunkBytes)
            {
                await _inner.WriteAsync(buffer[offset..Math.Min(buffer.Length, offset + server.TrickleChunkBytes)], aborted);
                await _inner.FlushAsync(aborted);
                await Task.Delay(server.TrickleDelay, aborted);
            }

            return;
        }

        var allowed = (int)Math.Clamp(server.BodyFaultBytes - _sent, 0, buffer.Length);
        await _inner.WriteAsync(buffer[..allowed], aborted);
        _sent += allowed;
        if (allowed == buffer.Length)
        {
            return;
        }

        await _inner.FlushAsync(aborted);
        if (fault == JellyfinFault.DropBody)
        {
            // Give the bytes a moment to reach the client before the connection goes, as a real drop mid-stream would.
            await Task.Delay(50, aborted);
            context.Abort();
            throw new OperationCanceledException("The scripted connection dropped.", aborted);
        }

        await Task.Delay(Timeout.Infinite, aborted);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    public override void Flush() => _inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
