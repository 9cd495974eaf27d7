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
        await _session.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO periods (id, opened_at, opened_by, fill_deadline) VALUES (@PeriodId, @OpenedAt, @OpenedBy, @FillDeadline) ON CONFLICT (id) DO NOTHING",
            new { period.PeriodId, OpenedAt = StoredTime.Format(period.OpenedAt), period.OpenedBy, FillDeadline = StoredTime.Format(period.FillDeadline) },
            _session.Transaction,
            cancellationToken: cancellationToken)) == 1;

    /// <summary>Moves the fill deadline: with format approval it starts when the format is signed, not at /buka.</summary>
    public Task SetFillDeadlineAsync(string periodId, DateTimeOffset deadline, CancellationToken cancellationToken) =>
        _session.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE periods SET fill_deadline = @Deadline WHERE id = @periodId",
            new { periodId, Deadline = StoredTime.Format(deadline) },
            _session.Transaction,
            cancellationToken: cancellationToken));

    public async Task<OpenedPeriod?> GetAsync(string periodId, CancellationToken cancellationToken) =>
        (await _session.Connection.QuerySingleOrDefaultAsync<PeriodRow>(new CommandDefinition(
            $"SELECT {Columns} FROM periods WHERE id = @periodId", new { periodId }, _session.Transaction, cancellationToken: cancellationToken)))?.ToPeriod();

    /// <summary>All opened periods, the most recently opened first.</summary>
    public async Task<IReadOnlyList<OpenedPeriod>> AllAsync(CancellationToken cancellationToken) =>
        (await _session.Connection.QueryAsync<PeriodRow>(new CommandDefinition(
            $"SELECT {Columns} FROM periods ORDER BY opened_at DESC, id DESC", transaction: _session.Transaction, cancellationToken: cancellationToken))).Select(r => r.ToPeriod()).ToList();

    private sealed record PeriodRow(string PeriodId, string OpenedAt, string OpenedBy, string FillDeadline)
    {
        public OpenedPeriod ToPeriod() => new(PeriodId, StoredTime.Parse(OpenedAt), OpenedBy, StoredTime.Parse(FillDeadline));
    }
}
