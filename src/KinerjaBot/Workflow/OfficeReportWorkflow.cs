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
        for (var index = 0; index < office.Chain.Count; index++)
        {
            var kind = office.Chain[index].Kind;
            var repeat = office.Chain.Take(index).Count(s => s.Kind == kind);
            states.Add(new WorkflowState(repeat == 0 ? StageName(kind) : $"{StageName(kind)}{repeat + 1}"));
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

    /// <summary>Configures <paramref name="machine"/> as the office report of the chain in office.yaml, with its effects beside each transition.</summary>
    internal static WorkflowMachine Configure(WorkflowMachine machine, OfficeConfiguration office)
    {
        var states = StageStates(office);
        var system = new WorkflowRole("system", "bot", new HashSet<string> { WorkflowRole.SystemActorId });
        var revisers = new WorkflowRole("revisers", "camat atau operator", new[] { office.Roles.HeadId }.Concat(office.Roles.OperatorIds).ToHashSet());
        machine
            .Permit(Collecting, WorkflowTrigger.OpenReport, system, states[0], "Buka laporan", offered: false)
            .OnEntryFrom(states[0], WorkflowTrigger.OpenReport, "draf ke tahap 1", (effects, fired) => effects.StageEnteredAsync(fired))
            .OnEntryFrom(Collecting, WorkflowTrigger.ReturnToUnit, "buka kembali data unit", (effects, fired) => effects.ReturnedToUnitAsync(fired));
        for (var index = 0; index < states.Count; index++)
        {
            var stage = office.Chain[index];
            var holder = new WorkflowRole($"stage-{index + 1}", stage.OfficialId, new HashSet<string> { stage.OfficialId });
            var last = index == states.Count - 1;
            var next = last ? Signed : states[index + 1];
            machine.Permit(states[index], WorkflowTrigger.Approve, holder, next, ApproveLabel(stage.Kind));
            if (!last)
            {
                machine.OnEntryFrom(next, WorkflowTrigger.Approve, $"draf ke tahap {index + 2}", (effects, fired) => effects.StageEnteredAsync(fired));
            }

            if (index > 0)
            {
                // Offered only as an answer to "ke mana?" after Kembalikan, not as a button of its own.
                machine
                    .Permit(states[index], WorkflowTrigger.ReturnToPrevious, holder, states[index - 1], "Kembalikan ke tahap sebelumnya", requiresReason: true, offered: false)
                    .OnEntryFrom(states[index - 1], WorkflowTrigger.ReturnToPrevious, $"draf kembali ke tahap {index}", (effects, fired) => effects.StageEnteredAsync(fired));
            }

            machine.Permit(states[index], WorkflowTrigger.ReturnToUnit, holder, Collecting, "Kembalikan", requiresReason: true);
        }

        return machine
            .OnEntryFrom(Signed, WorkflowTrigger.Approve, "PDF bertanda tangan", (effects, fired) => effects.SignedAsync(fired))
            .Permit(Signed, WorkflowTrigger.ReturnToUnit, revisers, Collecting, "Buka revisi", requiresReason: true, startsRevision: true)
            .Rests(Signed);
    }

    public static string Title(OfficeConfiguration office) => $"Office report ({office.Chain.Count} stage(s))";

    private static string StageName(ChainStageKind kind) => kind switch
    {
        ChainStageKind.Validate => "Validation",
        ChainStageKind.Paraf => "Paraf",
        _ => "Signature",
    };
}
