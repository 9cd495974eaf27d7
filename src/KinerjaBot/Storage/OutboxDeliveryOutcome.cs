namespace KinerjaBot.Storage;

public enum OutboxDeliveryOutcome
{
    Sent,

    /// <summary>The channel will never accept this row: recorded as failed, the chat goes on.</summary>
    GaveUp,

    /// <summary>A temporary failure (429, 5xx, network): the same row is tried again, nothing overtakes it.</summary>
    RetryLater,
}
