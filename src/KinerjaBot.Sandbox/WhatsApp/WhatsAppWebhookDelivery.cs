namespace KinerjaBot.Sandbox.WhatsApp;

/// <summary>One attempt to POST a webhook event to the bot.</summary>
/// <param name="EventNumber">The event's number, from 1; a retried event keeps it.</param>
/// <param name="Kind">What the event carries: a message type (text, interactive, …) or status:sent / status:delivered.</param>
/// <param name="Body">The exact JSON body signed and sent.</param>
/// <param name="Signature">The <c>X-Hub-Signature-256</c> header sent.</param>
/// <param name="StatusCode">The bot's answer, or null when none came (refused, timed out).</param>
/// <param name="Error">What went wrong; null on success.</param>
public sealed record WhatsAppWebhookDelivery(long EventNumber, string Kind, string Body, string Signature, int? StatusCode, string? Error)
{
    /// <summary>Meta counts any 2xx answer as delivered.</summary>
    public bool Delivered => StatusCode is >= 200 and < 300;
}
