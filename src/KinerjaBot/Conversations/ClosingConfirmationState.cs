namespace KinerjaBot.Conversations;

/// <summary>/tutup: the reason is given; waiting for "Ya, tutup" or Batal.</summary>
public sealed record ClosingConfirmationState(string PeriodId, string Reason) : ChatState
{
    public override ConversationMode Mode => ConversationMode.GuidedCommand;
}
