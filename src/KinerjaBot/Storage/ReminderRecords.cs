using Dapper;

namespace KinerjaBot.Storage;

/// <summary>
/// The <c>reminders</c> table: what the scheduler planned and what it sent. A row is closed in the same transaction
/// that queues its message in the outbox, so a reminder is sent exactly once across crashes and restarts.
/// </summary>
public sealed class ReminderRecords
{
    private const string Columns = "id AS Id, reminder_key AS Key, kind AS Kind, recipient_id AS RecipientId, stage_key AS StageKey, requested_by AS RequestedBy, due_at AS DueAt, closed_at AS ClosedAt, outcome AS Outcome";

    private readonly StoreSession _session;

    internal ReminderRecords(StoreSession session) => _session = session;

    /// <summary>Plans a reminder; returns false, changing nothing, when one with the same key exists (open or closed).</summary>
    public async Task<bool> TryPlanAsync(string key, string kind, string recipientId, string? stageKey, string? requestedBy, DateTimeOffset dueAt, DateTimeOffset nowUtc, CancellationToken cancellationToken) =>
        await _session.Connection.ExecuteAsync(
            """
            INSERT INTO reminders (reminder_key, kind, recipient_id, stage_key, requested_by, due_at, created_at)
            VALUES (@key, @kind, @recipientId, @stageKey, @requestedBy, @Due, @Now)
            ON CONFLICT (reminder_key) DO NOTHING
            """,
            new { key, kind, recipientId, stageKey, requestedBy, Due = StoredTime.Format(dueAt), Now = StoredTime.Format(nowUtc), cancellationToken },
            _session.Transaction) == 1;

    /// <summary>Open reminders due at or before <paramref name="nowUtc"/>, oldest first.</summary>
    public async Task<IReadOnlyList<ReminderRecord>> DueAsync(DateTimeOffset nowUtc, CancellationToken cancellationToken) =>
        (await _session.Connection.QueryAsync<Row>(
            $"SELECT {Columns} FROM reminders WHERE closed_at IS NULL AND due_at <= @Now ORDER BY due_at, id",
            new { Now = StoredTime.Format(nowUtc), cancellationToken },
            _session.Transaction)).Select(r => r.ToRecord()).ToList();

    /// <summary>When the next open reminder falls due, if any.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) =>
        StoredTime.ParseOptional(await _session.Connection.ExecuteScalarAsync<string?>(
            "SELECT MIN(due_at) FROM reminders WHERE closed_at IS NULL", cancellationToken, _session.Transaction));

    public Task CloseAsync(long id, string outcome, DateTimeOffset nowUtc, CancellationToken cancellationToken) =>
        _session.Connection.ExecuteAsync(
            "UPDATE reminders SET closed_at = @Now, outcome = @outcome WHERE id = @id AND closed_at IS NULL",
            new { id, outcome, Now = StoredTime.Format(nowUtc), cancellationToken },
            _session.Transaction);

    public Task CloseByKeyAsync(string key, string outcome, DateTimeOffset nowUtc, CancellationToken cancellationToken) =>
        _session.Connection.ExecuteAsync(
            "UPDATE reminders SET closed_at = @Now, outcome = @outcome WHERE reminder_key = @key AND closed_at IS NULL",
            new { key, outcome, Now = StoredTime.Format(nowUtc), cancellationToken },
            _session.Transaction);

    /// <summary>Every row, oldest first (for tests and diagnostics).</summary>
    public async Task<IReadOnlyList<ReminderRecord>> AllAsync(CancellationToken cancellationToken) =>
        (await _session.Connection.QueryAsync<Row>(
            $"SELECT {Columns} FROM reminders ORDER BY id", cancellationToken, _session.Transaction)).Select(r => r.ToRecord()).ToList();

    internal sealed record Row(long Id, string Key, string Kind, string RecipientId, string? StageKey, string? RequestedBy, string DueAt, string? ClosedAt, string? Outcome)
    {
        public ReminderRecord ToRecord() => new(Id, Key, Kind, RecipientId, StageKey, RequestedBy, StoredTime.Parse(DueAt), StoredTime.ParseOptional(ClosedAt), Outcome);
    }
}
