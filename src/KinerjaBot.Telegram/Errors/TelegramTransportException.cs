using System.Net;

namespace KinerjaBot.Telegram;

/// <summary>
/// No usable Bot API answer: the connection failed or dropped, the request timed out, or the body was not the
/// JSON envelope (e.g. a proxy's 502 HTML page). Whether Telegram acted on the request is unknown, so a retry may
/// repeat a message that was in fact delivered.
/// </summary>
public sealed class TelegramTransportException : TelegramException
{
    /// <summary>Wraps the cause; <paramref name="statusCode"/> is set when an HTTP response did arrive.</summary>
    public TelegramTransportException(string method, string reason, Exception? innerException, HttpStatusCode? statusCode = null)
        : base(method, $"Telegram {method} transport failure: {reason}", innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status when a response arrived but could not be read as the envelope.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The request was abandoned because it took longer than its timeout.</summary>
    public bool IsTimeout => InnerException is TimeoutException;
}
