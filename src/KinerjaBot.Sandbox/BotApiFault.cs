namespace KinerjaBot.Sandbox;

/// <summary>A failure to inject with <see cref="LocalBotApiServer.InjectFault"/>.</summary>
public sealed record BotApiFault
{
    private BotApiFault(BotApiFaultKind kind, int retryAfterSeconds)
    {
        Kind = kind;
        RetryAfterSeconds = retryAfterSeconds;
    }

    /// <summary>What goes wrong.</summary>
    public BotApiFaultKind Kind { get; }

    /// <summary>The <c>retry_after</c> of a <see cref="BotApiFaultKind.TooManyRequests"/> fault; 0 otherwise.</summary>
    public int RetryAfterSeconds { get; }

    /// <summary>429 "Too Many Requests: retry after N" with <c>parameters.retry_after = N</c>.</summary>
    public static BotApiFault TooManyRequests(int retryAfterSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retryAfterSeconds);
        return new BotApiFault(BotApiFaultKind.TooManyRequests, retryAfterSeconds);
    }

    /// <summary>502 Bad Gateway with an HTML body (not the JSON envelope).</summary>
    public static BotApiFault ServerError() => new(BotApiFaultKind.ServerError, 0);

    /// <summary>The connection is aborted before the request is performed.</summary>
    public static BotApiFault DropConnection() => new(BotApiFaultKind.DropConnection, 0);

    /// <summary>The request is performed, then the connection is aborted instead of answering.</summary>
    public static BotApiFault DropResponse() => new(BotApiFaultKind.DropResponse, 0);
}
