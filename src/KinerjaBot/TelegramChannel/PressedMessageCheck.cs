using KinerjaBot.Storage;
using Microsoft.Extensions.Logging;

namespace KinerjaBot.TelegramChannel;

/// <summary>
/// Tells a press on the recorded copy of a message from a press on a copy the outbox could not record. Sending is
/// at least once: when Telegram took a message but the bot never learnt its id (a lost response, a crash before
/// recording), the message is sent again and the official sees two copies. Only the recorded one is kept up to
/// date (its buttons are removed once decided, superseded or noted), so the other one's buttons must not act.
/// </summary>
public sealed class PressedMessageCheck(KinerjaStore store, OutgoingQueueDispatcher dispatcher, TimeProvider timeProvider, ILogger<PressedMessageCheck> logger)
{
    // A copy shown a moment before the dispatcher records it is normal; this is how long the press waits for that.
    private static readonly TimeSpan RecordingWait = TimeSpan.FromSeconds(5);

    // The record may be made by another instance (the one holding the sender's lease), whose signal never reaches
    // this one: the store is asked again this often while waiting.
    private static readonly TimeSpan RecheckEvery = TimeSpan.FromMilliseconds(200);

    /// <summary>True when the pressed message is a copy that will never be the recorded one.</summary>
    public async Task<bool> IsUnrecordedCopyAsync(long chatId, long messageId, CancellationToken cancellationToken)
    {
        var giveUpAt = timeProvider.GetUtcNow() + RecordingWait;
        while (true)
        {
            var recorded = dispatcher.NextRecordAsync();
            PressedMessageStatus status;
            await using (var transaction = await store.ReadAsync(cancellationToken))
            {
                status = await transaction.Outbox.ClassifyPressedMessageAsync(chatId, messageId, cancellationToken);
            }

            if (status != PressedMessageStatus.InFlight)
            {
                return status == PressedMessageStatus.Unrecorded;
            }

            var remaining = giveUpAt - timeProvider.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                // Telegram is slow to take the chat's messages: let the press act; the flows re-check it anyway.
                logger.LogWarning("Message {MessageId} in chat {ChatId} is not recorded yet after {Wait}; handling the press on it", messageId, chatId, RecordingWait);
                return false;
            }

            try
            {
                await recorded.WaitAsync(remaining < RecheckEvery ? remaining : RecheckEvery, timeProvider, cancellationToken);
            }
            catch (TimeoutException)
            {
            }
        }
    }
}
