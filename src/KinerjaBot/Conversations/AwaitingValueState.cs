namespace KinerjaBot.Conversations;

/// <summary>The value of one indicator; <see cref="FillingQuestion.BackToSummary"/> after an "Ubah".</summary>
public sealed record AwaitingValueState(long InstanceId, string IndicatorCode, bool BackToSummary)
    : FillingQuestion(InstanceId, IndicatorCode, BackToSummary)
{
    public override ConversationMode Mode => ConversationMode.AwaitingValue;
}
