namespace KinerjaBot.Conversations;

/// <summary>
/// A value far from its target or last period's waits here for its short reason; typing another number replaces it.
/// Nothing is stored until the reason comes.
/// </summary>
public sealed record AwaitingPlausibilityNoteState(long InstanceId, string IndicatorCode, bool BackToSummary, decimal PendingValue)
    : FillingQuestion(InstanceId, IndicatorCode, BackToSummary)
{
    public override ConversationMode Mode => ConversationMode.AwaitingPlausibilityNote;
}
