using KinerjaBot.Domain;
using KinerjaBot.Messaging;

namespace KinerjaBot.Storage;

/// <summary>
/// A channel other than Telegram that the outbox dispatcher hands its rows to (WhatsApp). The dispatcher keeps the
/// order per chat, the retries and the recording; the channel only renders and sends one row.
/// </summary>
public interface IOutboxChannel
{
    ChatChannel Channel { get; }

    Task<OutboxDelivery> DeliverAsync(OutboxItem item, CancellationToken cancellationToken);
}
