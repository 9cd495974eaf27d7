using KinerjaBot.Configuration;

namespace KinerjaBot.Workflow;

/// <summary>
/// The measurement report's chain (SOP Pengukuran Kinerja): Preparing (the planning official, as Tim SAKIP, checks the
/// computed report and sends it) → Checking (the secretary approves, or returns it with a reason to Preparing) →
/// Reported (the head receives it; archived). One instance per year (or semester), kept under that period's id.
/// </summary>
public static class MeasurementWorkflow
{
    public static readonly WorkflowState Preparing = new("Preparing");
    public static readonly WorkflowState Checking = new("Checking");
    public static readonly WorkflowState Reported = new("Reported");

    public const string SubmitLabel = "Kirim ke Sekretaris";

    public const string Title = "Measurement report (pengukuran kinerja)";

    internal static WorkflowMachine Configure(WorkflowMachine machine, OfficeConfiguration office)
    {
        var planning = new WorkflowRole("planning", office.Roles.PlanningId, new HashSet<string> { office.Roles.PlanningId });
        var secretary = new WorkflowRole("secretary", office.Roles.SecretaryId, new HashSet<string> { office.Roles.SecretaryId });
        return machine
            .Permit(Preparing, WorkflowTrigger.Submit, planning, Checking, SubmitLabel)
            .OnEntryFrom(Checking, WorkflowTrigger.Submit, "draf ke sekretaris", (effects, fired) => effects.MeasurementSubmittedAsync(fired))
            .Permit(Checking, WorkflowTrigger.Approve, secretary, Reported, "Setujui")
            .OnEntryFrom(Reported, WorkflowTrigger.Approve, "laporan ke kepala, diarsipkan", (effects, fired) => effects.MeasurementReportedAsync(fired))
            .Permit(Checking, WorkflowTrigger.Return, secretary, Preparing, "Kembalikan", requiresReason: true)
            .OnEntryFrom(Preparing, WorkflowTrigger.Return, "alasan ke perencanaan", (effects, fired) => effects.MeasurementReturnedAsync(fired))
            .Rests(Reported);
    }
}
