namespace KinerjaBot.Telegram;

/// <summary>Why a request failed and how to recover (Bot API <c>ResponseParameters</c>).</summary>
public sealed record ResponseParameters
{
    /// <summary>The group moved to a supergroup with this id; resend there.</summary>
    public long? MigrateToChatId { get; init; }

    /// <summary>Seconds to wait before repeating the request (flood control, HTTP 429).</summary>
    public int? RetryAfter { get; init; }
}
