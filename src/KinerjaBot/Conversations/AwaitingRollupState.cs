namespace KinerjaBot.Conversations;

/// <summary>
/// A value computed from the lower periods, shown with how it was computed; the unit head takes it with the button or
/// types a correction with its reason. The computed value is kept here, so a press saves exactly what was shown; a
/// correction that looked implausible waits in <see cref="PendingValue"/> / <see cref="PendingNote"/> for "Ya, benar".
/// </summary>
public sealed record AwaitingRollupState(long InstanceId, string IndicatorCode, bool BackToSummary, decimal ComputedValue, string Explanation, decimal? PendingValue = null, string? PendingNote = null)
    : FillingQuestion(InstanceId, IndicatorCode, BackToSummary)
{
    public override ConversationMode Mode => ConversationMode.AwaitingRollupConfirmation;
}
