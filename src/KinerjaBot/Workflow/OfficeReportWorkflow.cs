using KinerjaBot.Configuration;

namespace KinerjaBot.Workflow;

/// <summary>
/// The office-report table: Collecting (waiting for every unit) → one state per chain stage from office.yaml
/// (Validation → Paraf → Signature in the usual SOP) → Signed. Each stage may return the report to the stage
/// before it or to a unit; a signed report can be reopened as a new revision by the head or an operator.
/// </summary>
public static class OfficeReportWorkflow
{
    public static readonly WorkflowState Collecting = new("Collecting");
    public static readonly WorkflowState Signed = new("Signed");

    /// <summary>The state of each chain stage, in order; names repeat with a number if a kind repeats.</summary>
    public static IReadOnlyList<WorkflowState> StageStates(OfficeConfiguration office)
    {
        var states = new List<WorkflowState>();
        foreach (var stage in office.Chain)
        {
            var baseName = StageName(stage.Kind);
            var repeat = states.Count(s => s.Name.StartsWith(baseName, StringComparison.Ordinal));
            states.Add(new WorkflowState(repeat == 0 ? baseName : $"{baseName}{repeat + 1}"));
        }

        return states;
    }

    /// <summary>The chain stage an office-report state belongs to, or null for Collecting and Signed.</summary>
    public static ChainStage? StageOf(OfficeConfiguration office, WorkflowState state)
    {
        var index = StageStates(office).ToList().IndexOf(state);
        return index < 0 ? null : office.Chain[index];
    }

    public static string ApproveLabel(ChainStageKind kind) => kind switch
    {
        ChainStageKind.Validate => "Validasi",
        ChainStageKind.Paraf => "Paraf",
        _ => "Tandatangani",
    };

    /// <summary>The stage as a noun in a sentence: "menunggu paraf Bapak/Ibu", "tahap tanda tangan".</summary>
    public static string StageNoun(ChainStageKind kind) => kind switch
    {
        ChainStageKind.Validate => "validasi dan paraf",
        ChainStageKind.Paraf => "paraf",
        _ => "tanda tangan",
    };

    /// <summary>What the stage did, for "laporan sudah …": divalidasi dan diparaf, diparaf, ditandatangani.</summary>
    public static string StageDone(ChainStageKind kind) => kind switch
    {
        ChainStageKind.Validate => "divalidasi dan diparaf",
        ChainStageKind.Paraf => "diparaf",
        _ => "ditandatangani",
    };

    public static WorkflowDefinition Build(OfficeConfiguration office)
    {
        var states = StageStates(office);
        var system = new WorkflowRole("system", "bot", new HashSet<string> { WorkflowRole.SystemActorId });
        var revisers = new WorkflowRole("revisers", "camat atau operator", new[] { office.Roles.HeadId }.Concat(office.Roles.OperatorIds).ToHashSet());
        var rows = new List<Transition>
        {
            new(Collecting, WorkflowTrigger.OpenReport, system, states[0], "Buka laporan"),
        };

        for (var index = 0; index < states.Count; index++)
        {
            var stage = office.Chain[index];
            var holder = new WorkflowRole($"stage-{index + 1}", stage.OfficialId, new HashSet<string> { stage.OfficialId });
            var next = index == states.Count - 1 ? Signed : states[index + 1];
            rows.Add(new Transition(states[index], WorkflowTrigger.Approve, holder, next, ApproveLabel(stage.Kind)));
            if (index > 0)
            {
                rows.Add(new Transition(states[index], WorkflowTrigger.ReturnToPrevious, holder, states[index - 1], "Kembalikan ke tahap sebelumnya", RequiresReason: true));
            }

            rows.Add(new Transition(states[index], WorkflowTrigger.ReturnToUnit, holder, Collecting, "Kembalikan ke unit", RequiresReason: true));
        }

        rows.Add(new Transition(Signed, WorkflowTrigger.ReturnToUnit, revisers, Collecting, "Buka revisi", RequiresReason: true, StartsRevision: true));
        return new WorkflowDefinition(WorkflowKind.OfficeReport, $"Office report ({states.Count} stage(s))", Collecting, [Signed], rows);
    }

    private static string StageName(ChainStageKind kind) => kind switch
    {
        ChainStageKind.Validate => "Validation",
        ChainStageKind.Paraf => "Paraf",
        _ => "Signature",
    };
}
