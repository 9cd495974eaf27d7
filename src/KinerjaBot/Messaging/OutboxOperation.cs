namespace KinerjaBot.Messaging;

/// <summary>What a queued outgoing item does.</summary>
public enum OutboxOperation
{
    /// <summary>Send a new message (or document).</summary>
    Send,

    /// <summary>Remove the buttons of an earlier bot message, so a decided item cannot be pressed again.</summary>
    RemoveChoices,
}
