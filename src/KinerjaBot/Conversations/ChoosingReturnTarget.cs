namespace KinerjaBot.Conversations;

/// <summary>
/// Idle, but remembering the report draft whose <c>Kembalikan</c> led to the "ke mana?" choice, so that draft's
/// buttons go too once the return is decided.
/// </summary>
public sealed record ChoosingReturnTarget(long ReportId, long? SourceMessageId) : ChatState
{
    public override ConversationMode Mode => ConversationMode.Idle;
}
