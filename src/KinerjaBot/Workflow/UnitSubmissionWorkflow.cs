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
    public static readonly WorkflowState Closed = new("Closed");

    /// <summary>Waiting for the verifier at <paramref name="position"/> (1-based, in configured order).</summary>
    public static WorkflowState Submitted(int position) => new($"Submitted{position}");

    /// <summary>Configures <paramref name="machine"/> as the submission of <paramref name="unit"/>, with its effects beside each transition.</summary>
    internal static WorkflowMachine Configure(WorkflowMachine machine, OfficeConfiguration office, Unit unit)
    {
        var head = new WorkflowRole("unit-head", "kepala unit", new HashSet<string> { unit.HeadId });

        // Whoever can send the report back to a unit: the chain officials, and the head or an operator reopening a signed report.
        var chain = new WorkflowRole(
            "office-chain",
            "rantai laporan, camat atau operator",
            office.Chain.Select(s => s.OfficialId).Append(office.Roles.HeadId).Concat(office.Roles.OperatorIds).ToHashSet());
        machine
            .Permit(NotStarted, WorkflowTrigger.Start, head, Filling, "Mulai isi")
            .OnEntryFrom(Filling, WorkflowTrigger.Start, "pertanyaan pertama", (effects, fired) => effects.FillingStartedAsync(fired))
            .Permit(Filling, WorkflowTrigger.Submit, head, Submitted(1), "Kirim")
            .OnEntryFrom(Submitted(1), WorkflowTrigger.Submit, "kirim ke verifikator 1", (effects, fired) => effects.SubmittedAsync(fired));
        for (var position = 1; position <= unit.VerifierIds.Count; position++)
        {
            var verifier = new WorkflowRole($"verifier-{position}", $"verifikator {position}", new HashSet<string> { unit.VerifierIds[position - 1] });
            var last = position == unit.VerifierIds.Count;
            var next = last ? Verified : Submitted(position + 1);
            machine
                .Permit(Submitted(position), WorkflowTrigger.Approve, verifier, next, "Setujui")
                .Permit(Submitted(position), WorkflowTrigger.Return, verifier, Returned, "Kembalikan", requiresReason: true);
            if (!last)
            {
                var nextPosition = position + 1;
                machine.OnEntryFrom(next, WorkflowTrigger.Approve, $"kirim ke verifikator {nextPosition}", (effects, fired) => effects.PassedToVerifierAsync(fired, nextPosition));
            }
        }

        return machine
            .OnEntryFrom(Verified, WorkflowTrigger.Approve, "buka laporan bila semua unit terverifikasi", (effects, fired) => effects.VerifiedAsync(fired))
            .OnEntryFrom(Returned, WorkflowTrigger.Return, "alasan ke kepala unit", (effects, fired) => effects.ReturnedAsync(fired))
            .Permit(Returned, WorkflowTrigger.Fix, head, Filling, "Perbaiki", startsRevision: true)
            .OnEntryFrom(Filling, WorkflowTrigger.Fix, "ringkasan untuk diperbaiki", (effects, fired) => effects.FixStartedAsync(fired))
            .Permit(Verified, WorkflowTrigger.Reopen, chain, Returned, "Kembalikan", requiresReason: true, offered: false)
            .OnEntryFrom(Returned, WorkflowTrigger.Reopen, "alasan ke kepala unit", (effects, fired) => effects.ReopenedAsync(fired))
            .Rests(Verified)
            .ClosableUntilVerified(office, unit);
    }

    /// <summary>
    /// /tutup: from every state before verification an operator may close the period (a reason is required); /buka
    /// opens it again and the unit starts over. Closed rests: nobody owes anything, so nobody is reminded.
    /// </summary>
    private static WorkflowMachine ClosableUntilVerified(this WorkflowMachine machine, OfficeConfiguration office, Unit unit)
    {
        var operators = new WorkflowRole("operators", "operator", office.Roles.OperatorIds.ToHashSet());
        var openers = new WorkflowRole("openers", "operator atau perencanaan", office.Roles.OperatorIds.Append(office.Roles.PlanningId).ToHashSet());
        var open = new[] { NotStarted, Filling, Returned }.Concat(Enumerable.Range(1, unit.VerifierIds.Count).Select(Submitted));
        foreach (var state in open)
        {
            machine.Permit(state, WorkflowTrigger.Close, operators, Closed, "Tutup periode", requiresReason: true, offered: false);
        }

        return machine
            .OnEntryFrom(Closed, WorkflowTrigger.Close, "kabari pemegang tahap", (effects, fired) => effects.ClosedAsync(fired))
            .Permit(Closed, WorkflowTrigger.OpenAgain, openers, NotStarted, "Buka lagi", offered: false)
            .Rests(Closed);
    }

    /// <summary>Whether a period's instances are those of a period closed with /tutup (left out of lists of periods in progress).</summary>
    public static bool IsPeriodClosed(IEnumerable<WorkflowInstance> instances) =>
        instances.Where(i => i.Kind == WorkflowKind.UnitSubmission).ToList() is { Count: > 0 } units && units.All(u => u.State == Closed);

    public static string Title(Unit unit) => $"Unit submission ({unit.VerifierIds.Count} verifier(s))";
}
