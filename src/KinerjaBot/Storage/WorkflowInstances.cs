using Dapper;
using KinerjaBot.Workflow;

namespace KinerjaBot.Storage;

/// <summary>The persisted workflow instances (unit submissions and office reports).</summary>
public sealed class WorkflowInstances
{
    private const string Columns = "id AS Id, kind AS Kind, period_id AS PeriodId, unit_id AS UnitId, state AS State, version AS Version, revision AS Revision, stage_deadline AS StageDeadline";

    private readonly StoreSession _session;

    internal WorkflowInstances(StoreSession session) => _session = session;

    public async Task<WorkflowInstance> CreateAsync(WorkflowKind kind, string periodId, string? unitId, WorkflowState initial, DateTimeOffset nowUtc, CancellationToken cancellationToken)
    {
        var id = await _session.Connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO workflow_instances (kind, period_id, unit_id, state, version, revision, created_at, updated_at)
            VALUES (@Kind, @PeriodId, @UnitId, @State, 1, 1, @Now, @Now)
            RETURNING id;
            """,
            new { Kind = kind.ToString(), PeriodId = periodId, UnitId = unitId ?? string.Empty, State = initial.Name, Now = StoredTime.Format(nowUtc), cancellationToken },
            _session.Transaction);
        return new WorkflowInstance(id, kind, periodId, unitId, initial, 1, 1);
    }

    public async Task<WorkflowInstance?> GetAsync(long id, CancellationToken cancellationToken)
    {
        var row = await _session.Connection.QuerySingleOrDefaultAsync<InstanceRow>(
            $"SELECT {Columns} FROM workflow_instances WHERE id = @id", new { id, cancellationToken }, _session.Transaction);
        return row?.ToInstance();
    }

    public async Task<WorkflowInstance?> FindAsync(WorkflowKind kind, string periodId, string? unitId, CancellationToken cancellationToken)
    {
        var row = await _session.Connection.QuerySingleOrDefaultAsync<InstanceRow>(
            $"SELECT {Columns} FROM workflow_instances WHERE kind = @Kind AND period_id = @PeriodId AND unit_id = @UnitId",
            new { Kind = kind.ToString(), PeriodId = periodId, UnitId = unitId ?? string.Empty, cancellationToken },
            _session.Transaction);
        return row?.ToInstance();
    }

    public async Task<IReadOnlyList<WorkflowInstance>> ListForPeriodAsync(string periodId, CancellationToken cancellationToken)
    {
        var rows = await _session.Connection.QueryAsync<InstanceRow>(
            $"SELECT {Columns} FROM workflow_instances WHERE period_id = @periodId ORDER BY id", new { periodId, cancellationToken }, _session.Transaction);
        return rows.Select(r => r.ToInstance()).ToList();
    }

    /// <summary>
    /// The period's instances of <paramref name="kind"/> that are in one of <paramref name="states"/>, oldest first:
    /// for questions asked on every update (who holds a submission now), which need only the few open ones, not
    /// every unit of the period.
    /// </summary>
    public async Task<IReadOnlyList<WorkflowInstance>> ListInStatesAsync(
        string periodId, WorkflowKind kind, IReadOnlyCollection<WorkflowState> states, CancellationToken cancellationToken)
    {
        if (states.Count == 0)
        {
            return [];
        }

        // One indexed query per state (a workflow offers a press in a handful of states): a list parameter would need
        // Dapper's run-time IN expansion, which the build-time generated mapping (decisions/0026) does not do.
        var rows = new List<InstanceRow>();
        foreach (var state in states)
        {
            rows.AddRange(await _session.Connection.QueryAsync<InstanceRow>(
                $"SELECT {Columns} FROM workflow_instances WHERE period_id = @periodId AND kind = @kind AND state = @state",
                new { periodId, kind = kind.ToString(), state = state.Name, cancellationToken },
                _session.Transaction));
        }

        rows.Sort((a, b) => a.Id.CompareTo(b.Id));
        return rows.Select(r => r.ToInstance()).ToList();
    }

    /// <summary>Whether the period has an instance of <paramref name="kind"/> that is not in <paramref name="state"/>.</summary>
    public Task<bool> AnyNotInStateAsync(string periodId, WorkflowKind kind, WorkflowState state, CancellationToken cancellationToken) =>
        // EXISTS is an integer in SQLite and a boolean in PostgreSQL; Dapper reads either as bool.
        _session.Connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM workflow_instances WHERE period_id = @periodId AND kind = @kind AND state <> @state)",
            new { periodId, kind = kind.ToString(), state = state.Name, cancellationToken },
            _session.Transaction);

    /// <summary>
    /// Saves a fired transition and its audit entry, but only if nobody moved the instance since it was read
    /// (optimistic concurrency). Returns false, changing nothing, when the stored version is no longer the one
    /// the transition started from.
    /// </summary>
    public async Task<bool> TryApplyAsync(FiredTransition fired, DateTimeOffset nowUtc, CancellationToken cancellationToken)
    {
        var moved = fired.After with { State = fired.Audit.To };
        var updated = await _session.Connection.ExecuteAsync(
            """
            UPDATE workflow_instances
            SET state = @State, version = @Version, revision = @Revision, updated_at = @Now
            WHERE id = @Id AND version = @ExpectedVersion
            """,
            new { State = moved.State.Name, moved.Version, moved.Revision, Now = StoredTime.Format(nowUtc), moved.Id, ExpectedVersion = moved.Version - 1, cancellationToken },
            _session.Transaction);
        if (updated == 0)
        {
            return false;
        }

        var audit = fired.Audit;
        await _session.Connection.ExecuteAsync(
            """
            INSERT INTO audit_log (instance_id, at_utc, actor_id, trigger, from_state, to_state, reason, version, acting_for, acting_kind)
            VALUES (@InstanceId, @At, @ActorId, @Trigger, @From, @To, @Reason, @Version, @ActingFor, @ActingKind)
            """,
            new
            {
                audit.InstanceId,
                At = StoredTime.Format(audit.AtUtc),
                audit.ActorId,
                Trigger = audit.Trigger.ToString(),
                From = audit.From.Name,
                To = audit.To.Name,
                audit.Reason,
                audit.Version,
                ActingFor = audit.ActingFor?.AbsentId,
                ActingKind = audit.ActingFor?.Kind.ToString(),
                cancellationToken,
            },
            _session.Transaction);
        return true;
    }

    /// <summary>Records when the current stage of an instance is due (shown in messages, used by reminders).</summary>
    public Task SetStageDeadlineAsync(long id, DateTimeOffset? deadlineUtc, CancellationToken cancellationToken) =>
        _session.Connection.ExecuteAsync(
            "UPDATE workflow_instances SET stage_deadline = @Deadline WHERE id = @id",
            new { id, Deadline = deadlineUtc is { } d ? StoredTime.Format(d) : null, cancellationToken },
            _session.Transaction);

    public async Task<DateTimeOffset?> GetStageDeadlineAsync(long id, CancellationToken cancellationToken) =>
        StoredTime.ParseOptional(await _session.Connection.ExecuteScalarAsync<string?>(
            "SELECT stage_deadline FROM workflow_instances WHERE id = @id", new { id, cancellationToken }, _session.Transaction));

    internal sealed record InstanceRow(long Id, string Kind, string PeriodId, string UnitId, string State, long Version, long Revision, string? StageDeadline)
    {
        public WorkflowInstance ToInstance() =>
            new(Id, Enum.Parse<WorkflowKind>(Kind), PeriodId, UnitId.Length == 0 ? null : UnitId, new WorkflowState(State), (int)Version, (int)Revision);
    }
}
