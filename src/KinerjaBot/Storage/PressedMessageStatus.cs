namespace KinerjaBot.Storage;

/// <summary>What the outbox knows about the bot message whose button was pressed.</summary>
public enum PressedMessageStatus
{
    /// <summary>The message is the recorded copy of a sent item: its buttons are the live ones.</summary>
    Recorded,

    /// <summary>
    /// An unrecorded copy that never will be: a later message in the chat is recorded, or nothing is left to send.
    /// It is the first copy of a re-sent item (a lost response, a crash before recording), or from another database.
    /// </summary>
    Unrecorded,

    /// <summary>Newer than everything recorded while the chat still has messages in flight: it may be recorded in a moment.</summary>
    InFlight,
}
