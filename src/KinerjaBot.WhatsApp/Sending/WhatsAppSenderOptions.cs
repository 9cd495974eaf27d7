namespace KinerjaBot.WhatsApp;

/// <summary>Limits of the WhatsApp sending funnel; the defaults stay under the Cloud API's standard throughput.</summary>
public sealed record WhatsAppSenderOptions
{
    /// <summary>Requests per <see cref="GlobalWindow"/> across all chats (Cloud API: 80 messages/s by default; uploads count too).</summary>
    public int GlobalLimit { get; init; } = 40;

    public TimeSpan GlobalWindow { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Attempts of one request before the funnel gives up and the outbox tries again later.</summary>
    public int MaxAttempts { get; init; } = 4;

    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>After a pair rate limit (131056): WhatsApp allows about one message per 6 s to one person after a burst.</summary>
    public TimeSpan PairRatePause { get; init; } = TimeSpan.FromSeconds(6);
}
