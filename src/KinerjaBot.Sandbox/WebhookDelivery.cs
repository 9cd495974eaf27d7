namespace KinerjaBot.Sandbox;

/// <summary>One attempt to hand an update to the bot's webhook.</summary>
/// <param name="UpdateId">The update delivered.</param>
/// <param name="StatusCode">The bot's HTTP answer; null when the request failed before one (refused, timed out).</param>
/// <param name="Error">What went wrong, as getWebhookInfo's last_error_message would say; null on success.</param>
public sealed record WebhookDelivery(long UpdateId, int? StatusCode, string? Error)
{
    /// <summary>Telegram counts any 2xx answer as delivered and moves on.</summary>
    public bool Delivered => StatusCode is >= 200 and < 300;
}
