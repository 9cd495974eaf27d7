namespace KinerjaBot.Sandbox;

/// <summary>Who wrote a <see cref="ChatMessage"/> in a simulated private chat.</summary>
public enum ChatMessageSender
{
    /// <summary>The simulated person (the chat's user).</summary>
    User,

    /// <summary>The bot under test, through the Bot API.</summary>
    Bot,
}
