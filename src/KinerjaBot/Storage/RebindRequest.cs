namespace KinerjaBot.Storage;

/// <summary>
/// A contact of an official already bound to another Telegram account, waiting for an operator: numbers are recycled,
/// so the new holder of a number must not silently take an official's chat over.
/// </summary>
public sealed record RebindRequest(long Id, string OfficialId, long ChatId, long UserId, long OldChatId, DateTimeOffset RequestedAt, DateTimeOffset? DecidedAt, string? DecidedBy, bool? Approved);
