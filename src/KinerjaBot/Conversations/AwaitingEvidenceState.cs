namespace KinerjaBot.Conversations;

/// <summary>A photo or document as evidence for the value just given.</summary>
public sealed record AwaitingEvidenceState(long InstanceId, string IndicatorCode, bool BackToSummary)
    : FillingQuestion(InstanceId, IndicatorCode, BackToSummary)
{
    public override ConversationMode Mode => ConversationMode.AwaitingEvidence;
}
