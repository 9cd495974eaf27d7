namespace KinerjaBot.Telegram;

/// <summary>A Telegram user or bot (Bot API <c>User</c>).</summary>
public sealed record User
{
    /// <summary>Unique identifier; fits in 52 bits, so always a <see cref="long"/>.</summary>
    public required long Id { get; init; }

    public bool IsBot { get; init; }

    public required string FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Username { get; init; }

    public string? LanguageCode { get; init; }
}
