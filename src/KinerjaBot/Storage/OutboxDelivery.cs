namespace KinerjaBot.Storage;

/// <summary>What became of one outbox row handed to an <see cref="IOutboxChannel"/>.</summary>
/// <param name="Outcome">Sent, refused for good, unreachable chat, or try again later.</param>
/// <param name="ChannelMessageId">The channel's id of the sent message, when it gives one.</param>
/// <param name="Error">Why it was not sent.</param>
public sealed record OutboxDelivery(OutboxDeliveryOutcome Outcome, string? ChannelMessageId = null, string? Error = null)
{
    public static OutboxDelivery Sent(string? channelMessageId) => new(OutboxDeliveryOutcome.Sent, channelMessageId);

    public static OutboxDelivery GaveUp(string error) => new(OutboxDeliveryOutcome.GaveUp, Error: error);

    public static OutboxDelivery HeldUntilChatWrites(string reason) => new(OutboxDeliveryOutcome.HeldUntilChatWrites, Error: reason);

    public static OutboxDelivery RetryLater(string error) => new(OutboxDeliveryOutcome.RetryLater, Error: error);
}
