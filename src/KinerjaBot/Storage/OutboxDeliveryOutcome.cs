namespace KinerjaBot.Storage;

public enum OutboxDeliveryOutcome
{
    Sent,

    /// <summary>The channel will never accept this row: recorded as failed, the chat goes on.</summary>
    GaveUp,

    /// <summary>A temporary failure (429, 5xx, network): the same row is tried again, nothing overtakes it.</summary>
    RetryLater,

    /// <summary>
    /// The chat cannot take messages until the person writes (WhatsApp's 24-hour window has closed; a template asked
    /// them to): this row and the rest of the chat's queue wait, held like an unreachable chat's, and go when they write.
    /// </summary>
    HeldUntilChatWrites,
}
