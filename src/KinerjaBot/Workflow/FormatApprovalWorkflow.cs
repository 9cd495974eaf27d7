using KinerjaBot.Configuration;

namespace KinerjaBot.Workflow;

/// <summary>
/// The period's data format before any unit head is asked (SOP steps 1–2, <c>format_approval: on</c>): the draft is
/// checked by the planning official (Review), initialled by the secretary (Paraf) and signed by the head (Signature).
/// Any of them may return it to the operators (Correction), who fix indicators.yaml and send the corrected draft back
/// to Review; the head's signature (Signed) numbers the notification letter and opens the period to the unit heads.
/// </summary>
public static class FormatApprovalWorkflow
{
    public static readonly WorkflowState Review = new("Review");
    public static readonly WorkflowState Correction = new("Correction");
    public static readonly WorkflowState Paraf = new("Paraf");
    public static readonly WorkflowState Signature = new("Signature");
    public static readonly WorkflowState Signed = new("Signed");

    public const string Title = "Format approval";

    public const string ReviewLabel = "Setujui";
    public const string ParafLabel = "Paraf";
    public const string SignLabel = "Tandatangani";
    public const string ResendLabel = "Kirim draf perbaikan";

    /// <summary>The label of the button that moves the format on from <paramref name="state"/>.</summary>
    public static string ApproveLabel(WorkflowState state) =>
        state == Review ? ReviewLabel : state == Paraf ? ParafLabel : SignLabel;

    /// <summary>What is owed in <paramref name="state"/>, as a noun: "pemeriksaan draf format", "paraf format".</summary>
    public static string StepNoun(WorkflowState state) =>
        state == Review ? "pemeriksaan draf format"
        : state == Paraf ? "paraf format"
        : state == Signature ? "tanda tangan format"
        : "perbaikan draf format";

    /// <summary>What the step did, for "✅ … oleh": disetujui, diparaf, ditandatangani.</summary>
    public static string StepDone(WorkflowState state) =>
        state == Review ? "Disetujui" : state == Paraf ? "Diparaf" : "Ditandatangani";

    /// <summary>The official who holds a signing step, or null for Correction (the operators) and Signed.</summary>
    public static string? StepHolder(OfficeConfiguration office, WorkflowState state) =>
        state == Review ? office.Roles.PlanningId
        : state == Paraf ? office.Roles.SecretaryId
        : state == Signature ? office.Roles.HeadId
        : null;

    /// <summary>The audit since the draft last went (back) to the planning official: a return voids the approvals before it.</summary>
    public static IReadOnlyList<AuditEntry> CurrentPass(IReadOnlyList<AuditEntry> audit)
    {
        var resent = audit.Select((entry, index) => (entry, index)).LastOrDefault(e => e.entry.Trigger == WorkflowTrigger.Submit).index;
        return audit.Skip(resent).ToList();
    }

    /// <summary>Configures <paramref name="machine"/> as the format approval of the office in office.yaml, with its effects beside each transition.</summary>
    internal static WorkflowMachine Configure(WorkflowMachine machine, OfficeConfiguration office)
    {
        var planning = new WorkflowRole("planning", office.Roles.PlanningId, new HashSet<string> { office.Roles.PlanningId });
        var secretary = new WorkflowRole("secretary", office.Roles.SecretaryId, new HashSet<string> { office.Roles.SecretaryId });
        var head = new WorkflowRole("head", office.Roles.HeadId, new HashSet<string> { office.Roles.HeadId });
        var operators = new WorkflowRole("operators", "operator", office.Roles.OperatorIds.ToHashSet());
        foreach (var (state, role, next) in new[] { (Review, planning, Paraf), (Paraf, secretary, Signature), (Signature, head, Signed) })
        {
            machine
                .Permit(state, WorkflowTrigger.Approve, role, next, ApproveLabel(state))
                .Permit(state, WorkflowTrigger.Return, role, Correction, "Kembalikan", requiresReason: true);
        }

        return machine
            .OnEntryFrom(Paraf, WorkflowTrigger.Approve, "draf ke paraf", (effects, fired) => effects.FormatApprovedAsync(fired))
            .OnEntryFrom(Signature, WorkflowTrigger.Approve, "draf ke tanda tangan", (effects, fired) => effects.FormatApprovedAsync(fired))
            .OnEntryFrom(Signed, WorkflowTrigger.Approve, "surat bernomor, kepala unit diminta mengisi", (effects, fired) => effects.FormatSignedAsync(fired))
            .OnEntryFrom(Correction, WorkflowTrigger.Return, "alasan ke operator", (effects, fired) => effects.FormatReturnedAsync(fired))
            .Permit(Correction, WorkflowTrigger.Submit, operators, Review, ResendLabel, startsRevision: true)
            .OnEntryFrom(Review, WorkflowTrigger.Submit, "draf perbaikan ke perencanaan", (effects, fired) => effects.FormatResentAsync(fired))
            .Rests(Signed);
    }
}
