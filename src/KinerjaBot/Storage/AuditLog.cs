using Dapper;
using KinerjaBot.Configuration;
using KinerjaBot.Workflow;

namespace KinerjaBot.Storage;

/// <summary>Reads the audit trail; entries are written by <see cref="WorkflowInstances.TryApplyAsync"/> only.</summary>
public sealed class AuditLog
{
    private readonly StoreSession _session;

    internal AuditLog(StoreSession session) => _session = session;

    public async Task<IReadOnlyList<AuditEntry>> ForInstanceAsync(long instanceId, CancellationToken cancellationToken)
    {
        var rows = await _session.Connection.QueryAsync<AuditRow>(
            """
            SELECT instance_id AS InstanceId, at_utc AS AtUtc, actor_id AS ActorId, trigger AS Trigger,
                   from_state AS FromState, to_state AS ToState, reason AS Reason, version AS Version,
                   acting_for AS ActingFor, acting_kind AS ActingKind
            FROM audit_log WHERE instance_id = @instanceId ORDER BY id
            """,
            new { instanceId, cancellationToken },
            _session.Transaction);
        return rows.Select(r => new AuditEntry(
            r.InstanceId,
            StoredTime.Parse(r.AtUtc),
            r.ActorId,
            Enum.Parse<WorkflowTrigger>(r.Trigger),
            new WorkflowState(r.FromState),
            new WorkflowState(r.ToState),
            r.Reason,
            (int)r.Version)
        {
            ActingFor = r.ActingFor is null ? null : new ActingCapacity(r.ActingFor, Enum.Parse<ActingKind>(r.ActingKind!)),
        }).ToList();
    }

    internal sealed record AuditRow(long InstanceId, string AtUtc, string ActorId, string Trigger, string FromState, string ToState, string? Reason, long Version, string? ActingFor, string? ActingKind);
}
