using Dapper;

namespace KinerjaBot.Storage;

/// <summary>Periods closed with /tutup (who, when, why) and opened again with /buka; every closing is kept.</summary>
public sealed class PeriodClosures
{
    private readonly StoreSession _session;

    internal PeriodClosures(StoreSession session) => _session = session;

    public Task RecordClosedAsync(string periodId, string closedBy, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        _session.Connection.ExecuteAsync(
            "INSERT INTO period_closures (period_id, closed_at, closed_by, reason) VALUES (@periodId, @At, @closedBy, @reason)",
            new { periodId, closedBy, reason, At = StoredTime.Format(now), cancellationToken },
            _session.Transaction);

    /// <summary>Marks the period's open closing as undone and gives the period its new fill deadline; false when it was not closed.</summary>
    public async Task<bool> RecordReopenedAsync(string periodId, string reopenedBy, DateTimeOffset fillDeadline, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reopened = await _session.Connection.ExecuteAsync(
            "UPDATE period_closures SET reopened_at = @At, reopened_by = @reopenedBy WHERE period_id = @periodId AND reopened_at IS NULL",
            new { periodId, reopenedBy, At = StoredTime.Format(now), cancellationToken },
            _session.Transaction);
        if (reopened == 0)
        {
            return false;
        }

        await _session.Connection.ExecuteAsync(
            "UPDATE periods SET fill_deadline = @Deadline WHERE id = @periodId",
            new { periodId, Deadline = StoredTime.Format(fillDeadline), cancellationToken },
            _session.Transaction);
        return true;
    }

    public async Task<bool> IsClosedAsync(string periodId, CancellationToken cancellationToken) =>
        await _session.Connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM period_closures WHERE period_id = @periodId AND reopened_at IS NULL",
            new { periodId, cancellationToken },
            _session.Transaction) > 0;
}
