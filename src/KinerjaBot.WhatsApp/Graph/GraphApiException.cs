using System.Net;

namespace KinerjaBot.WhatsApp;

/// <summary>
/// The Graph API refused a request (<see cref="Code"/> is its error code, e.g. 131047 outside the 24-hour window), or
/// gave no usable answer (<see cref="Status"/> null: a transport failure).
/// </summary>
public sealed class GraphApiException(HttpStatusCode? status, int code, string message, string? details = null, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(details is null ? message : $"{message} ({details})", inner)
{
    /// <summary>More than 24 hours since the person last wrote: only a template may go.</summary>
    public const int ReEngagementRequired = 131047;

    /// <summary>Too many messages to one person in a short time.</summary>
    public const int PairRateLimit = 131056;

    /// <summary>The business account's throughput was exceeded.</summary>
    public const int ThroughputLimit = 130429;

    /// <summary>A parameter broke a limit (a title too long, too many buttons).</summary>
    public const int InvalidParameter = 131009;

    public HttpStatusCode? Status { get; } = status;

    public int Code { get; } = code;

    public string? Details { get; } = details;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>Worth trying again later: rate limits, server trouble, no answer.</summary>
    public bool IsTemporary =>
        Status is null or HttpStatusCode.TooManyRequests || (int)Status >= 500 || Code is PairRateLimit or ThroughputLimit or 4 or 80007;
}
