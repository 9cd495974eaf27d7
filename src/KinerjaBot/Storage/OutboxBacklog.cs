namespace KinerjaBot.Storage;

/// <summary>What the outgoing queue still holds.</summary>
/// <param name="Pending">Items neither sent nor given up on.</param>
/// <param name="OldestQueuedAt">When the oldest of them was queued; null when none waits.</param>
public sealed record OutboxBacklog(long Pending, DateTimeOffset? OldestQueuedAt);
