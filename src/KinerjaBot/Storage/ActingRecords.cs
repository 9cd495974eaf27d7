using System.Globalization;
using Dapper;
using KinerjaBot.Configuration;

namespace KinerjaBot.Storage;

/// <summary>
/// Plt. / Plh. assignments set in chat with /wakil (those in office.yaml are not stored), and which assignments have
/// been announced to whom, so the absent official and the stand-in are each told once.
/// </summary>
public sealed class ActingRecords
{
    private const string DateFormat = "yyyy-MM-dd";

    private readonly StoreSession _session;

    internal ActingRecords(StoreSession session) => _session = session;

    /// <summary>Stores an assignment set in chat; returns it with its key ("chat:&lt;id&gt;").</summary>
    public async Task<ActingAssignment> AddAsync(string forId, string byId, ActingKind kind, DateOnly from, DateOnly to, string setBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = await _session.Connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO acting_assignments (for_id, by_id, kind, from_date, to_date, set_by, set_at)
            VALUES (@forId, @byId, @Kind, @From, @To, @setBy, @At)
            RETURNING id;
            """,
            new { forId, byId, Kind = kind.ToString(), From = from.ToString(DateFormat, CultureInfo.InvariantCulture), To = to.ToString(DateFormat, CultureInfo.InvariantCulture), setBy, At = StoredTime.Format(now), cancellationToken },
            _session.Transaction);
        return new ActingAssignment(forId, byId, kind, from, to, KeyOf(id));
    }

    /// <summary>Ends a stored assignment early; false when it is not a stored one or already ended.</summary>
    public async Task<bool> EndAsync(string key, string endedBy, DateTimeOffset now, CancellationToken cancellationToken) =>
        IdOf(key) is { } id && await _session.Connection.ExecuteAsync(
            "UPDATE acting_assignments SET ended_at = @At, ended_by = @endedBy WHERE id = @id AND ended_at IS NULL",
            new { id, endedBy, At = StoredTime.Format(now), cancellationToken },
            _session.Transaction) == 1;

    /// <summary>Every stored assignment that was not ended early.</summary>
    public async Task<IReadOnlyList<ActingAssignment>> CurrentAsync(CancellationToken cancellationToken)
    {
        var rows = await _session.Connection.QueryAsync<AssignmentRow>(
            "SELECT id AS Id, for_id AS ForId, by_id AS ById, kind AS Kind, from_date AS FromDate, to_date AS ToDate FROM acting_assignments WHERE ended_at IS NULL ORDER BY id",
            cancellationToken,
            _session.Transaction);
        return rows.Select(r => new ActingAssignment(
            r.ForId,
            r.ById,
            Enum.Parse<ActingKind>(r.Kind),
            DateOnly.ParseExact(r.FromDate, DateFormat, CultureInfo.InvariantCulture),
            DateOnly.ParseExact(r.ToDate, DateFormat, CultureInfo.InvariantCulture),
            KeyOf(r.Id))).ToList();
    }

    /// <summary>Whether <paramref name="officialId"/> was told of the assignment <paramref name="key"/>.</summary>
    public async Task<bool> WasToldAsync(string key, string officialId, CancellationToken cancellationToken) =>
        await _session.Connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM acting_notices WHERE assignment_key = @NoticeKey",
            new { NoticeKey = NoticeKey(key, officialId), cancellationToken },
            _session.Transaction) > 0;

    /// <summary>Records that <paramref name="officialId"/> was told of the assignment <paramref name="key"/>.</summary>
    public Task MarkToldAsync(string key, string officialId, DateTimeOffset now, CancellationToken cancellationToken) =>
        _session.Connection.ExecuteAsync(
            "INSERT INTO acting_notices (assignment_key, told_at) VALUES (@NoticeKey, @At) ON CONFLICT (assignment_key) DO NOTHING",
            new { NoticeKey = NoticeKey(key, officialId), At = StoredTime.Format(now), cancellationToken },
            _session.Transaction);

    // One row per official told, so one who registers later is still told once.
    private static string NoticeKey(string key, string officialId) => $"{key}|{officialId}";

    private static string KeyOf(long id) => ActingAssignment.ChatKeyPrefix + id.ToString(CultureInfo.InvariantCulture);

    private static long? IdOf(string key) =>
        key.StartsWith(ActingAssignment.ChatKeyPrefix, StringComparison.Ordinal)
        && long.TryParse(key[ActingAssignment.ChatKeyPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    internal sealed record AssignmentRow(long Id, string ForId, string ById, string Kind, string FromDate, string ToDate);
}
