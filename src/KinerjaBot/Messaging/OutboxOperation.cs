namespace KinerjaBot.Messaging;

/// <summary>What a queued outgoing item does.</summary>
public enum OutboxOperation
{
    /// <summary>Send a new message (or document).</summary>
    Send,

    /// <summary>Remove the buttons of an earlier bot message, so a decided item cannot be pressed again.</summary>
    RemoveChoices,

    /// <summary>
    /// Rewrite an earlier bot message with new text and buttons (the pressed message takes the reply that follows the
    /// press, instead of losing its buttons in one request and the reply going out in another).
    /// </summary>
    Replace,
}
