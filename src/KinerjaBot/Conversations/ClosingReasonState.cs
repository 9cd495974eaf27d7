namespace KinerjaBot.Conversations;

/// <summary>/tutup: waiting for the reason the period <see cref="PeriodId"/> is closed.</summary>
public sealed record ClosingReasonState(string PeriodId) : ChatState
{
    public override ConversationMode Mode => ConversationMode.GuidedCommand;
}
