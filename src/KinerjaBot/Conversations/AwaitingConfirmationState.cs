namespace KinerjaBot.Conversations;

/// <summary>A yes/no on a value that looked implausible; the value and its note wait here until confirmed.</summary>
public sealed record AwaitingConfirmationState(long InstanceId, string IndicatorCode, bool BackToSummary, decimal PendingValue, string? PendingNote)
    : FillingQuestion(InstanceId, IndicatorCode, BackToSummary)
{
    public override ConversationMode Mode => ConversationMode.AwaitingConfirmation;
}
