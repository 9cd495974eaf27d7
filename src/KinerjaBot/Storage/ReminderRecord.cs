namespace KinerjaBot.Storage;

/// <summary>
/// A reminder or digest the scheduler planned, keyed so it can exist once: <see cref="Key"/> names the item, stage,
/// kind and due slot. It is open until <see cref="ClosedAt"/>; <see cref="Outcome"/> then says what happened
/// (<c>sent</c>, <c>no-chat</c>, <c>superseded</c> by a newer one, <c>obsolete</c> because the step was done).
/// </summary>
public sealed record ReminderRecord(
    long Id,
    string Key,
    string Kind,
    string RecipientId,
    string? StageKey,
    string? RequestedBy,
    DateTimeOffset DueAt,
    DateTimeOffset? ClosedAt,
    string? Outcome);
