using System.Globalization;
using Dapper;

namespace KinerjaBot.Storage;

/// <summary>
/// Indicator values of unit submissions. Rows are only ever added, never updated, so every revision stays
/// readable ("Revisi ke-2") and a verifier can see what changed since they returned the data.
/// </summary>
public sealed class SubmissionValues
{
    private const string Columns = "indicator_code AS IndicatorCode, revision AS Revision, value AS Value, note AS Note, evidence_path AS EvidencePath, entered_by AS EnteredBy, entered_at AS EnteredAt";

    private readonly StoreSession _session;

    internal SubmissionValues(StoreSession session) => _session = session;

    public Task AppendAsync(long instanceId, StoredValue value, CancellationToken cancellationToken) =>
        _session.Connection.ExecuteAsync(
            """
            INSERT INTO submission_values (instance_id, indicator_code, revision, value, note, evidence_path, entered_by, entered_at)
            VALUES (@InstanceId, @IndicatorCode, @Revision, @Value, @Note, @EvidencePath, @EnteredBy, @EnteredAt)
            """,
            new
            {
                InstanceId = instanceId,
                value.IndicatorCode,
                value.Revision,
                Value = value.Value.ToString(CultureInfo.InvariantCulture),
                value.Note,
                value.EvidencePath,
                value.EnteredBy,
                EnteredAt = StoredTime.Format(value.EnteredAt),
                cancellationToken,
            },
            _session.Transaction);

    /// <summary>The latest value of each indicator of the submission.</summary>
    public async Task<IReadOnlyDictionary<string, StoredValue>> CurrentAsync(long instanceId, CancellationToken cancellationToken)
    {
        var rows = await _session.Connection.QueryAsync<ValueRow>(
            $"""
            SELECT {Columns} FROM submission_values
            WHERE id IN (SELECT MAX(id) FROM submission_values WHERE instance_id = @instanceId GROUP BY indicator_code)
            """,
            new { instanceId, cancellationToken },
            _session.Transaction);
        return rows.Select(r => r.ToValue()).ToDictionary(v => v.IndicatorCode, StringComparer.Ordinal);
    }

    /// <summary>Every value ever entered for one indicator of the submission, oldest first.</summary>
    public async Task<IReadOnlyList<StoredValue>> HistoryAsync(long instanceId, string indicatorCode, CancellationToken cancellationToken)
    {
        var rows = await _session.Connection.QueryAsync<ValueRow>(
            $"SELECT {Columns} FROM submission_values WHERE instance_id = @instanceId AND indicator_code = @indicatorCode ORDER BY id",
            new { instanceId, indicatorCode, cancellationToken },
            _session.Transaction);
        return rows.Select(r => r.ToValue()).ToList();
    }

    /// <summary>The latest value of each indicator as it stood at the end of a given revision.</summary>
    public async Task<IReadOnlyDictionary<string, StoredValue>> AsOfRevisionAsync(long instanceId, int revision, CancellationToken cancellationToken)
    {
        var rows = await _session.Connection.QueryAsync<ValueRow>(
            $"""
            SELECT {Columns} FROM submission_values
            WHERE id IN (SELECT MAX(id) FROM submission_values WHERE instance_id = @instanceId AND revision <= @revision GROUP BY indicator_code)
            """,
            new { instanceId, revision, cancellationToken },
            _session.Transaction);
        return rows.Select(r => r.ToValue()).ToDictionary(v => v.IndicatorCode, StringComparer.Ordinal);
    }

    internal sealed record ValueRow(string IndicatorCode, long Revision, string Value, string? Note, string? EvidencePath, string EnteredBy, string EnteredAt)
    {
        public StoredValue ToValue() =>
            new(IndicatorCode, (int)Revision, decimal.Parse(Value, NumberStyles.Number, CultureInfo.InvariantCulture), Note, EvidencePath, EnteredBy, StoredTime.Parse(EnteredAt));
    }
}
