using Dapper;

namespace KinerjaBot.Storage;

/// <summary>The periods that have been opened.</summary>
public sealed class PeriodRecords
{
    private const string Columns = "id AS PeriodId, opened_at AS OpenedAt, opened_by AS OpenedBy, fill_deadline AS FillDeadline";

    private readonly StoreSession _session;

    internal PeriodRecords(StoreSession session) => _session = session;

    /// <summary>Records the opening; returns false if the period was already open.</summary>
    public async Task<bool> TryOpenAsync(OpenedPeriod period, CancellationToken cancellationToken) =>
        await _session.Connection.ExecuteAsync(
            "INSERT INTO periods (id, opened_at, opened_by, fill_deadline) VALUES (@PeriodId, @OpenedAt, @OpenedBy, @FillDeadline) ON CONFLICT (id) DO NOTHING",
            new { period.PeriodId, OpenedAt = StoredTime.Format(period.OpenedAt), period.OpenedBy, FillDeadline = StoredTime.Format(period.FillDeadline), cancellationToken },
            _session.Transaction) == 1;

    /// <summary>Moves the fill deadline: with format approval it starts when the format is signed, not at /buka.</summary>
    public Task SetFillDeadlineAsync(string periodId, DateTimeOffset deadline, CancellationToken cancellationToken) =>
        _session.Connection.ExecuteAsync(
            "UPDATE periods SET fill_deadline = @Deadline WHERE id = @periodId",
            new { periodId, Deadline = StoredTime.Format(deadline), cancellationToken },
            _session.Transaction);

    public async Task<OpenedPeriod?> GetAsync(string periodId, CancellationToken cancellationToken) =>
        (await _session.Connection.QuerySingleOrDefaultAsync<PeriodRow>(
            $"SELECT {Columns} FROM periods WHERE id = @periodId", new { periodId, cancellationToken }, _session.Transaction))?.ToPeriod();

    /// <summary>All opened periods, the most recently opened first.</summary>
    public async Task<IReadOnlyList<OpenedPeriod>> AllAsync(CancellationToken cancellationToken) =>
        (await _session.Connection.QueryAsync<PeriodRow>(
            $"SELECT {Columns} FROM periods ORDER BY opened_at DESC, id DESC", cancellationToken, _session.Transaction)).Select(r => r.ToPeriod()).ToList();

    internal sealed record PeriodRow(string PeriodId, string OpenedAt, string OpenedBy, string FillDeadline)
    {
        public OpenedPeriod ToPeriod() => new(PeriodId, StoredTime.Parse(OpenedAt), OpenedBy, StoredTime.Parse(FillDeadline));
    }
}
