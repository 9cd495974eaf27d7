namespace KinerjaBot.Conversations;

/// <summary>What the bot is waiting for from one chat (python-telegram-bot's ConversationHandler states).</summary>
public enum ConversationMode
{
    /// <summary>Nothing asked; text is treated as a command or gets help.</summary>
    Idle,

    /// <summary>The value of one indicator.</summary>
    AwaitingValue,

    /// <summary>A yes/no on a value that looked implausible (over 3× target).</summary>
    AwaitingConfirmation,

    /// <summary>A photo or document as evidence for the value just given.</summary>
    AwaitingEvidence,

    /// <summary>The reason for a return (Kembalikan), which is required.</summary>
    AwaitingReason,

    /// <summary>The short reason for a value far from its target or from last period's, which is required.</summary>
    AwaitingPlausibilityNote,

    /// <summary>After /cek: the PDF (or QR line) to check against the signed, archived reports.</summary>
    AwaitingReportCheck,

    /// <summary>A step of a short guided command: closing a period (/tutup) or setting a Plt. / Plh. (/wakil).</summary>
    GuidedCommand,

    /// <summary>A confirmation (button) or a correction with its note of a value computed from lower periods.</summary>
    AwaitingRollupConfirmation,
}
