namespace KinerjaBot.Conversations;

/// <summary>Nothing asked: text is treated as a command or gets help.</summary>
public sealed record IdleState : ChatState
{
    public static readonly IdleState Instance = new();

    public override ConversationMode Mode => ConversationMode.Idle;
}
