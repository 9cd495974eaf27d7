using Dapper;

namespace KinerjaBot.Storage;

/// <summary>
/// The getUpdates offset and the ids of applied updates. An update's id is written in the same transaction as its
/// effects, so after a crash an update is either fully applied (and skipped when redelivered) or not at all (and redone).
/// </summary>
public sealed class TelegramUpdates
{
    // Telegram never hands out an update below the confirmed offset again, so older ids need not be kept; a margin
    // stays for a redelivery that raced the confirmation.
    private const long KeptBelowOffset = 1000;

    private readonly StoreSession _session;

    internal TelegramUpdates(StoreSession session) => _session = session;

    public async Task<long> GetNextOffsetAsync(CancellationToken cancellationToken) =>
        await _session.Connection.ExecuteScalarAsync<long?>(
            "SELECT next_offset FROM telegram_offset WHERE id = 1", cancellationToken, _session.Transaction) ?? 0;

    /// <summary>The lowest update id not yet seen: above the offset and above every applied update.</summary>
    public async Task<long> GetFirstUnseenUpdateIdAsync(CancellationToken cancellationToken)
    {
        var highestApplied = await _session.Connection.ExecuteScalarAsync<long?>(
            "SELECT MAX(update_id) FROM processed_updates", cancellationToken, _session.Transaction) ?? 0;
        return Math.Max(await GetNextOffsetAsync(cancellationToken), highestApplied + 1);
    }

    public async Task<bool> IsProcessedAsync(long updateId, CancellationToken cancellationToken) =>
        await _session.Connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM processed_updates WHERE update_id = @updateId", new { updateId, cancellationToken }, _session.Transaction) > 0;

    /// <summary>Marks the update applied; call it in the transaction that saves the update's effects.</summary>
    public Task MarkProcessedAsync(long updateId, DateTimeOffset nowUtc, CancellationToken cancellationToken) =>
        _session.Connection.ExecuteAsync(
            "INSERT INTO processed_updates (update_id, processed_at) VALUES (@updateId, @At) ON CONFLICT (update_id) DO NOTHING",
            new { updateId, At = StoredTime.Format(nowUtc), cancellationToken },
            _session.Transaction);

    /// <summary>
    /// Forgets applied update ids recorded before <paramref name="beforeUtc"/>. In webhook mode there is no offset to
    /// trim them by; Telegram gives up redelivering an update after a day, so ids older than that can go.
    /// </summary>
    public Task ForgetProcessedBeforeAsync(DateTimeOffset beforeUtc, CancellationToken cancellationToken) =>
        _session.Connection.ExecuteAsync(
            "DELETE FROM processed_updates WHERE processed_at < @Before",
            new { Before = StoredTime.Format(beforeUtc), cancellationToken },
            _session.Transaction);

    /// <summary>
    /// Moves the offset (never backwards) once every update below it has been applied. Updates of different chats
    /// are handled in parallel, so a later update can commit before an earlier one: moving the offset per update
    /// could confirm, and so lose, an update that a crash left unapplied. The processed ids make the redelivered
    /// ones harmless.
    /// </summary>
    public Task SetNextOffsetAsync(long nextOffset, CancellationToken cancellationToken) =>
        _session.Connection.ExecuteAsync(
            """
            INSERT INTO telegram_offset (id, next_offset) VALUES (1, @nextOffset)
            ON CONFLICT (id) DO UPDATE SET next_offset =
                CASE WHEN excluded.next_offset > telegram_offset.next_offset THEN excluded.next_offset ELSE telegram_offset.next_offset END;
            DELETE FROM processed_updates WHERE update_id < @nextOffset - @KeptBelowOffset;
            """,
            new { nextOffset, KeptBelowOffset, cancellationToken },
            _session.Transaction);
}
