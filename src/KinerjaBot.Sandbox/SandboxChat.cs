namespace KinerjaBot.Sandbox;

/// <summary>A simulated person and their private chat with the bot. Mutable; guarded by the state's lock.</summary>
internal sealed class SandboxChat(long userId, string firstName, string? lastName, string phone)
{
    public long UserId { get; } = userId;

    public string FirstName { get; } = firstName;

    public string? LastName { get; } = lastName;

    public string Phone { get; } = phone;

    /// <summary>The person wrote to the bot at least once, which Telegram requires before the bot may write.</summary>
    public bool Started { get; set; }

    public bool BlockedBot { get; set; }

    public long NextMessageId { get; set; } = 1;

    public List<ChatMessage> Messages { get; } = [];

    public ChatReplyKeyboard? ActiveReplyKeyboard { get; set; }

    /// <summary>The change version right after the person's latest action, so "the reply to it" means newer changes.</summary>
    public long LastActionVersion { get; set; }
}
