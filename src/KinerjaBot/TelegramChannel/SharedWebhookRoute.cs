using Microsoft.AspNetCore.Http;

namespace KinerjaBot.TelegramChannel;

/// <summary>
/// One office's path on a <see cref="SharedWebhookListener"/>. Until its receiver attaches (and after it detached
/// when its office stops) a request is answered 503, so Telegram delivers the update again later.
/// </summary>
public sealed class SharedWebhookRoute
{
    private RequestDelegate? _receive;
    private RequestDelegate? _health;
    private int _inFlight;

    internal SharedWebhookRoute(string officeId, string path)
    {
        OfficeId = officeId;
        Path = path;
    }

    public string OfficeId { get; }

    public string Path { get; }

    public void Attach(RequestDelegate receive, RequestDelegate health)
    {
        _health = health;
        _receive = receive;
    }

    /// <summary>Takes no more updates, then waits for those being applied to commit.</summary>
    public async Task DetachAsync(CancellationToken cancellationToken)
    {
        _receive = null;
        while (Volatile.Read(ref _inFlight) > 0 && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(20, CancellationToken.None);
        }
    }

    internal async Task ReceiveAsync(HttpContext context)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            if (_receive is { } receive)
            {
                await receive(context);
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    internal Task WriteHealthAsync(HttpContext context)
    {
        if (_health is { } health)
        {
            return health(context);
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return Task.CompletedTask;
    }
}
