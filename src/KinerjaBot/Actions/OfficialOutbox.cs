using KinerjaBot.Messaging;
using KinerjaBot.Storage;

namespace KinerjaBot.Actions;

/// <summary>
/// Queues a message to an official (not to a chat) in the caller's transaction. A chat reply, a reminder pass and the
/// command line all reach officials this way, so the supersede rule for decision buttons holds whoever sends.
/// </summary>
public static class OfficialOutbox
{
    /// <summary>Queues <paramref name="message"/> to the official's chat; false when they have no chat yet or blocked the bot.</summary>
    public static async Task<bool> SendAsync(StoreTransaction transaction, string officialId, OutgoingMessage message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var binding = await transaction.Chats.FindByOfficialAsync(officialId, cancellationToken);
        if (binding is null || binding.Unreachable)
        {
            return false;
        }

        await transaction.Outbox.EnqueueAsync(binding.ChatId, WithSupersedeKey(message), now, cancellationToken);
        return true;
    }

    /// <summary>Gives a message with decision buttons its supersede key, so older copies lose their buttons.</summary>
    public static OutgoingMessage WithSupersedeKey(OutgoingMessage message) =>
        message.SupersedeKey is null && message.Choices.Count > 0
            ? message with { SupersedeKey = CallbackAction.SupersedeKeyOf(message.Choices) }
            : message;
}
