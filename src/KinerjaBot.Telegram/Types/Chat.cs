namespace KinerjaBot.Telegram;

/// <summary>A chat (Bot API <c>Chat</c>). For a private chat <see cref="Id"/> equals the user's id.</summary>
public sealed record Chat
{
    public required long Id { get; init; }

    /// <summary>"private", "group", "supergroup" or "channel".</summary>
    public required string Type { get; init; }

    public string? Title { get; init; }

    public string? Username { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }
}
