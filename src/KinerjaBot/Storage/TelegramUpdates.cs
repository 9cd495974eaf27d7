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
        await _session.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT next_offset FROM telegram_offset WHERE id = 1", transaction: _session.Transaction, cancellationToken: cancellationToken)) ?? 0;

    /// <summary>The lowest update id not yet seen: above the offset and above every applied update.</summary>
    public async Task<long> GetFirstUnseenUpdateIdAsync(CancellationToken cancellationToken)
    {
        var highestApplied = await _session.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MAX(update_id) FROM processed_updates", transaction: _session.Transaction, cancellationToken: cancellationToken)) ?? 0;
        return Math.Max(await GetNextOffsetAsync(cancellationToken), highestApplied + 1);
    }

    public async Task<bool> IsProcessedAsync(long updateId, CancellationToken cancellationToken) =>
        await _session.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM processed_updates WHERE update_id = @updateId", new { updateId }, _session.Transaction, cancellationToken: cancellationToken)) > 0;

    /// <summary>
    /// Marks the update applied (and no longer waiting in the inbox); call it in the transaction that saves the
    /// update's effects.
    /// </summary>
    public Task MarkProcessedAsync(long updateId, DateTimeOffset nowUtc, CancellationToken cancellationToken) =>
        _session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO processed_updates (update_id, processed_at) VALUES (@updateId, @At) ON CONFLICT (update_id) DO NOTHING;
            DELETE FROM telegram_inbox WHERE update_id = @updateId;
            """,
            new { updateId, At = StoredTime.Format(nowUtc) },
            _session.Transaction,
            cancellationToken: cancellationToken));

    /// <summary>
    /// Forgets applied update ids recorded before <paramref name="beforeUtc"/>. In webhook mode there is no offset to
    /// trim them by; Telegram gives up redelivering an update after a day, so ids older than that can go.
    /// </summary>
    public Task ForgetProcessedBeforeAsync(DateTimeOffset beforeUtc, CancellationToken cancellationToken) =>
        _session.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM processed_updates WHERE processed_at < @Before",
            new { Before = StoredTime.Format(beforeUtc) },
            _session.Transaction,
            cancellationToken: cancellationToken));

    /// <summary>
    /// Moves the offset (never backwards) past updates that are applied or kept in the inbox
    /// (<see cref="ReceiveAsync"/>): the next getUpdates confirms everything below it to Telegram, which never hands
    /// those out again. The processed ids make a redelivered one harmless.
    /// </summary>
    public Task SetNextOffsetAsync(long nextOffset, CancellationToken cancellationToken) =>
        _session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO telegram_offset (id, next_offset) VALUES (1, @nextOffset)
            ON CONFLICT (id) DO UPDATE SET next_offset =
                CASE WHEN excluded.next_offset > telegram_offset.next_offset THEN excluded.next_offset ELSE telegram_offset.next_offset END;
            DELETE FROM processed_updates WHERE update_id < @nextOffset - @KeptBelowOffset;
            """,
            new { nextOffset, KeptBelowOffset },
            _session.Transaction,
            cancellationToken: cancellationToken));

    /// <summary>
    /// Keeps a fetched batch (each update's JSON as Telegram sent it) and moves the offset past it, in one transaction:
    /// from then on the next getUpdates may confirm the batch to Telegram before it is applied, because a crash leaves
    /// it here (<see cref="InboxAsync"/>) instead of losing it. Ids already applied are dropped from the inbox.
    /// </summary>
    public async Task ReceiveAsync(IReadOnlyList<(long UpdateId, string Json)> updates, long nextOffset, DateTimeOffset nowUtc, CancellationToken cancellationToken)
    {
        var at = StoredTime.Format(nowUtc);
        foreach (var (updateId, json) in updates)
        {
            await _session.Connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO telegram_inbox (update_id, update_json, received_at) VALUES (@updateId, @json, @at) ON CONFLICT (update_id) DO NOTHING",
                new { updateId, json, at },
                _session.Transaction,
                cancellationToken: cancellationToken));
        }

        await _session.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM telegram_inbox WHERE EXISTS (SELECT 1 FROM processed_updates p WHERE p.update_id = telegram_inbox.update_id)",
            transaction: _session.Transaction,
            cancellationToken: cancellationToken));
        await SetNextOffsetAsync(nextOffset, cancellationToken);
    }

    /// <summary>The updates fetched and not yet applied, oldest first: after a crash or a stop, they are applied first.</summary>
    public async Task<IReadOnlyList<(long UpdateId, string Json)>> InboxAsync(CancellationToken cancellationToken) =>
        [.. await _session.Connection.QueryAsync<(long, string)>(new CommandDefinition(
            """
            SELECT update_id, update_json FROM telegram_inbox i
            WHERE NOT EXISTS (SELECT 1 FROM processed_updates p WHERE p.update_id = i.update_id)
            ORDER BY update_id
            """,
            transaction: _session.Transaction,
            cancellationToken: cancellationToken))];
}
