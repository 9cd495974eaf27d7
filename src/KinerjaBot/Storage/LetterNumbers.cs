using Dapper;

namespace KinerjaBot.Storage;

/// <summary>
/// The running numbers of the office's notification letters, one sequence per year. A number is taken in the same
/// transaction that records the head's signature, so a rolled-back signature frees it again and a committed one keeps
/// it: numbers never repeat and never skip, across restarts too.
/// </summary>
public sealed class LetterNumbers
{
    private readonly StoreSession _session;

    internal LetterNumbers(StoreSession session) => _session = session;

    /// <summary>The letter's number for <paramref name="instanceId"/>: the one it already has, or the next of <paramref name="year"/>.</summary>
    public async Task<int> AllocateAsync(int year, string periodId, long instanceId, DateTimeOffset nowUtc, CancellationToken cancellationToken)
    {
        if (await FindAsync(instanceId, cancellationToken) is { } existing)
        {
            return existing.Number;
        }

        return await _session.Connection.ExecuteScalarAsync<int>(
            """
            INSERT INTO letter_numbers (year, number, period_id, instance_id, allocated_at)
            VALUES (@year, (SELECT COALESCE(MAX(number), 0) + 1 FROM letter_numbers WHERE year = @year), @periodId, @instanceId, @At)
            RETURNING number
            """,
            new { year, periodId, instanceId, At = StoredTime.Format(nowUtc), cancellationToken },
            _session.Transaction);
    }

    /// <summary>The year and number given to the letter of <paramref name="instanceId"/>, if it has one.</summary>
    public async Task<(int Year, int Number)?> FindAsync(long instanceId, CancellationToken cancellationToken)
    {
        var row = await _session.Connection.QuerySingleOrDefaultAsync<Row>(
            "SELECT year AS Year, number AS Number FROM letter_numbers WHERE instance_id = @instanceId",
            new { instanceId, cancellationToken },
            _session.Transaction);
        return row is null ? null : ((int)row.Year, (int)row.Number);
    }

    internal sealed record Row(long Year, long Number);
}
