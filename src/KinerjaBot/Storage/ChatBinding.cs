namespace KinerjaBot.Storage;

/// <summary>A Telegram chat bound to an official after they shared their phone number.</summary>
public sealed record ChatBinding(string OfficialId, long ChatId, long UserId, DateTimeOffset BoundAt, bool Unreachable);
