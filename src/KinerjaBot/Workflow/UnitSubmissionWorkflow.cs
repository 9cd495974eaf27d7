using KinerjaBot.Configuration;

namespace KinerjaBot.Workflow;

/// <summary>
/// The unit-submission table: NotStarted → Filling → Submitted1 … SubmittedN → Verified, where N is the number
/// of verifiers the unit has in office.yaml; any verifier may return it to the unit head with a reason.
/// </summary>
public static class UnitSubmissionWorkflow
{
    public static readonly WorkflowState NotStarted = new("NotStarted");
    public static readonly WorkflowState Filling = new("Filling");
    public static readonly WorkflowState Returned = new("Returned");
    public static readonly WorkflowState Verified = new("Verified");

    /// <summary>Waiting for the verifier at <paramref name="position"/> (1-based, in configured order).</summary>
    public static WorkflowState Submitted(int position) => new($"Submitted{position}");

    /// <summary>The 1-based verifier position a state waits for, or null when it waits for no verifier.</summary>
    public static int? VerifierPosition(WorkflowState state) =>
        state.Name.StartsWith("Submitted", StringComparison.Ordinal) && int.TryParse(state.Name["Submitted".Length..], out var position)
            ? position
            : null;

    public static WorkflowDefinition Build(OfficeConfiguration office, Unit unit)
    {
        var head = new WorkflowRole("unit-head", "kepala unit", new HashSet<string> { unit.HeadId });
        // Whoever can send the report back to a unit: the chain officials, and the head or an operator reopening a signed report.
        var chain = new WorkflowRole(
            "office-chain",
            "rantai laporan, camat atau operator",
            office.Chain.Select(s => s.OfficialId).Append(office.Roles.HeadId).Concat(office.Roles.OperatorIds).ToHashSet());
        var rows = new List<Transition>
        {
            new(NotStarted, WorkflowTrigger.Start, head, Filling, "Mulai isi"),
            new(Filling, WorkflowTrigger.Submit, head, Submitted(1), "Kirim"),
        };

        for (var position = 1; position <= unit.VerifierIds.Count; position++)
        {
            var verifier = new WorkflowRole($"verifier-{position}", $"verifikator {position}", new HashSet<string> { unit.VerifierIds[position - 1] });
            var next = position == unit.VerifierIds.Count ? Verified : Submitted(position + 1);
            rows.Add(new Transition(Submitted(position), WorkflowTrigger.Approve, verifier, next, "Setujui"));
            rows.Add(new Transition(Submitted(position), WorkflowTrigger.Return, verifier, Returned, "Kembalikan", RequiresReason: true));
        }

        rows.Add(new Transition(Returned, WorkflowTrigger.Fix, head, Filling, "Perbaiki", StartsRevision: true));
        rows.Add(new Transition(Verified, WorkflowTrigger.Reopen, chain, Returned, "Kembalikan", RequiresReason: true));
        return new WorkflowDefinition(WorkflowKind.UnitSubmission, $"Unit submission ({unit.VerifierIds.Count} verifier(s))", NotStarted, [Verified], rows);
    }
}
