using KinerjaBot.Tests.Support;
using KinerjaBot.Workflow;

namespace KinerjaBot.Tests.Workflow;

public sealed class OfficeReportWorkflowTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 12, 3, 0, 0, TimeSpan.Zero);
    private static readonly WorkflowState Validation = new("Validation");
    private static readonly WorkflowState Paraf = new("Paraf");
    private static readonly WorkflowState Signature = new("Signature");

    private readonly WorkflowDefinition _report = new WorkflowCatalog(SampleOffice.Configuration).Report;

    [Fact]
    public void The_report_opens_by_the_bot_and_passes_validation_paraf_and_signature()
    {
        var instance = Fire(New(), WorkflowTrigger.OpenReport, WorkflowRole.SystemActorId);
        Assert.Equal(Validation, instance.State);
        instance = Fire(instance, WorkflowTrigger.Approve, "kasubbag-pk");
        Assert.Equal(Paraf, instance.State);
        instance = Fire(instance, WorkflowTrigger.Approve, "sekcam");
        Assert.Equal(Signature, instance.State);
        instance = Fire(instance, WorkflowTrigger.Approve, "camat");

        Assert.Equal(OfficeReportWorkflow.Signed, instance.State);
    }

    [Fact]
    public void Each_stage_shows_its_own_approve_label()
    {
        var instance = Fire(New(), WorkflowTrigger.OpenReport, WorkflowRole.SystemActorId);
        Assert.Contains("Validasi", _report.PermittedFor(instance, "kasubbag-pk").Select(t => t.ButtonLabel));
        instance = Fire(instance, WorkflowTrigger.Approve, "kasubbag-pk");
        Assert.Contains("Paraf", _report.PermittedFor(instance, "sekcam").Select(t => t.ButtonLabel));
        instance = Fire(instance, WorkflowTrigger.Approve, "sekcam");
        Assert.Contains("Tandatangani", _report.PermittedFor(instance, "camat").Select(t => t.ButtonLabel));
    }

    [Fact]
    public void The_signature_stage_returns_to_paraf_with_a_reason()
    {
        var instance = AtSignature();

        var outcome = _report.Fire(instance, WorkflowTrigger.ReturnToPrevious, "camat", instance.Version, "Paraf belum lengkap", Now);

        Assert.Equal(Paraf, outcome.Instance.State);
    }

    [Fact]
    public void Validation_cannot_return_to_a_previous_stage_because_there_is_none()
    {
        var instance = Fire(New(), WorkflowTrigger.OpenReport, WorkflowRole.SystemActorId);

        var outcome = _report.Fire(instance, WorkflowTrigger.ReturnToPrevious, "kasubbag-pk", instance.Version, "salah", Now);

        Assert.Equal(RefusalReason.NotAllowedInState, outcome.Refusal);
    }

    [Theory]
    [InlineData("Validation", "kasubbag-pk")]
    [InlineData("Paraf", "sekcam")]
    [InlineData("Signature", "camat")]
    public void Any_stage_returns_the_report_to_collecting_when_it_sends_a_unit_back(string state, string official)
    {
        var instance = New() with { State = new WorkflowState(state), Version = 9 };

        var outcome = _report.Fire(instance, WorkflowTrigger.ReturnToUnit, official, 9, "Data seksi PMD keliru", Now);

        Assert.Equal(OfficeReportWorkflow.Collecting, outcome.Instance.State);
    }

    [Fact]
    public void A_press_by_someone_other_than_the_stage_holder_is_refused()
    {
        var instance = AtSignature();

        Assert.Equal(RefusalReason.WrongPerson, _report.Fire(instance, WorkflowTrigger.Approve, "sekcam", instance.Version, null, Now).Refusal);
        Assert.Equal(RefusalReason.WrongPerson, _report.Fire(New(), WorkflowTrigger.OpenReport, "staf-pk", 1, null, Now).Refusal);
    }

    [Fact]
    public void Reopening_a_signed_report_starts_the_next_revision()
    {
        var signed = Fire(AtSignature(), WorkflowTrigger.Approve, "camat");

        var outcome = _report.Fire(signed, WorkflowTrigger.ReturnToUnit, "staf-pk", signed.Version, "Ada koreksi data dari Bagian Organisasi", Now);

        Assert.Equal(OfficeReportWorkflow.Collecting, outcome.Instance.State);
        Assert.Equal(2, outcome.Instance.Revision);
    }

    private static WorkflowInstance New() =>
        new(1, WorkflowKind.OfficeReport, "2026-TW3", null, OfficeReportWorkflow.Collecting, 1, 1);

    private WorkflowInstance AtSignature()
    {
        var instance = Fire(New(), WorkflowTrigger.OpenReport, WorkflowRole.SystemActorId);
        return Fire(Fire(instance, WorkflowTrigger.Approve, "kasubbag-pk"), WorkflowTrigger.Approve, "sekcam");
    }

    private WorkflowInstance Fire(WorkflowInstance instance, WorkflowTrigger trigger, string official)
    {
        var outcome = _report.Fire(instance, trigger, official, instance.Version, null, Now);
        Assert.True(outcome.Succeeded, $"{trigger} by {official} in {instance.State} was refused: {outcome.Refusal}");
        return outcome.Instance;
    }
}
