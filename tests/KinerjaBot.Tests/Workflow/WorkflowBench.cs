using KinerjaBot.Actions;
using KinerjaBot.Storage;
using KinerjaBot.Tests.Support;
using KinerjaBot.Workflow;
using Moq;

namespace KinerjaBot.Tests.Workflow;

/// <summary>
/// The sample office's workflows over a real SQLite store in a temp folder, fired through <see cref="WorkflowService"/>
/// with the effects mocked (they are the conversation's business; the end-to-end tests cover them).
/// </summary>
public sealed class WorkflowBench : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 10, 5, 2, 0, 0, TimeSpan.Zero);

    // One instance per kind, period and unit is allowed, so each new instance of a test gets a period of its own.
    private static readonly string[] Periods = ["2026-TW3", "2026-TW4", "2026-TW2", "2026-TW1"];

    private readonly TempDirectory _data = new();
    private int _created;

    public WorkflowBench()
    {
        Store = KinerjaStore.Open(_data.Path, Clock);
        Service = new WorkflowService(Catalog, Clock);
    }

    public FakeTimeProvider Clock { get; } = new(Now);

    public WorkflowCatalog Catalog { get; } = new(SampleOffice.Configuration);

    public KinerjaStore Store { get; }

    public WorkflowService Service { get; }

    public Mock<IWorkflowEffects> Effects { get; } = new();

    /// <summary>The transaction a fire runs in, for effects that read what the transition saved (the store has one writer).</summary>
    public StoreTransaction? Firing { get; private set; }

    public void Dispose() => _data.Dispose();

    public async Task<WorkflowInstance> NewAsync(WorkflowKind kind, string? unitId)
    {
        var periodId = Periods[_created++];
        await using var tx = await Store.BeginAsync(default);
        await tx.Periods.TryOpenAsync(new OpenedPeriod(periodId, Now, "staf-pk", Now.AddDays(3)), default);
        var initial = kind == WorkflowKind.OfficeReport ? OfficeReportWorkflow.Collecting : kind == WorkflowKind.FormatApproval ? FormatApprovalWorkflow.Review : UnitSubmissionWorkflow.NotStarted;
        var instance = await tx.Workflows.CreateAsync(kind, periodId, unitId, initial, Now, default);
        await tx.CommitAsync(default);
        return instance;
    }

    public async Task<FireOutcome> TryFireAsync(WorkflowInstance instance, WorkflowTrigger trigger, string official, string? reason = null, int? version = null)
    {
        await using var tx = await Store.BeginAsync(default);
        Firing = tx;
        var outcome = await Service.FireAsync(tx, instance.Id, trigger, new TransitionRequest(official, reason), version ?? instance.Version, Effects.Object, default);
        await tx.CommitAsync(default);
        Firing = null;
        return outcome;
    }

    public async Task<WorkflowInstance> FireAsync(WorkflowInstance instance, WorkflowTrigger trigger, string official, string? reason = null)
    {
        var outcome = await TryFireAsync(instance, trigger, official, reason);
        Assert.True(outcome.Succeeded, $"{trigger} by {official} in {instance.State} was refused: {outcome.Refusal}");
        return outcome.Instance;
    }

    public async Task<WorkflowInstance> ReadAsync(long id)
    {
        await using var tx = await Store.BeginAsync(default);
        return (await tx.Workflows.GetAsync(id, default))!;
    }
}
