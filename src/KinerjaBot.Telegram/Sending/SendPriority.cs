namespace KinerjaBot.Telegram;

/// <summary>Which sends go first when the bot-wide limit makes them queue.</summary>
public enum SendPriority
{
    /// <summary>A reply to a person who is waiting for it (the chat that just wrote or pressed).</summary>
    Interactive = 0,

    /// <summary>Reminders, digests and notices to other chats: they go when no reply is waiting, or after a while anyway.</summary>
    Background = 1,
}
