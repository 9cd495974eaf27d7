using KinerjaBot.Tests.Support;
using KinerjaBot.Workflow;

namespace KinerjaBot.Tests.Workflow;

public sealed class UnitSubmissionWorkflowTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 5, 2, 0, 0, TimeSpan.Zero);

    // trantib is checked by kasubbag-pk, then sekcam.
    private readonly WorkflowDefinition _trantib = new WorkflowCatalog(SampleOffice.Configuration).UnitSubmission("trantib");

    [Fact]
    public void A_submission_goes_from_not_started_through_both_verifiers_to_verified()
    {
        var instance = New();

        instance = Fire(instance, WorkflowTrigger.Start, "kasi-trantib");
        Assert.Equal(UnitSubmissionWorkflow.Filling, instance.State);
        instance = Fire(instance, WorkflowTrigger.Submit, "kasi-trantib");
        Assert.Equal(UnitSubmissionWorkflow.Submitted(1), instance.State);
        instance = Fire(instance, WorkflowTrigger.Approve, "kasubbag-pk");
        Assert.Equal(UnitSubmissionWorkflow.Submitted(2), instance.State);
        instance = Fire(instance, WorkflowTrigger.Approve, "sekcam");

        Assert.Equal(UnitSubmissionWorkflow.Verified, instance.State);
        Assert.Equal(5, instance.Version);
        Assert.Equal(1, instance.Revision);
    }

    [Theory]
    [InlineData(1, "kasubbag-pk")]
    [InlineData(2, "sekcam")]
    public void Any_verifier_returns_with_a_reason_and_the_fix_starts_a_new_revision(int position, string verifier)
    {
        var instance = AtVerifier(position);

        var outcome = _trantib.Fire(instance, WorkflowTrigger.Return, verifier, instance.Version, "  Data IK-2.2 belum ada fotonya  ", Now);

        Assert.True(outcome.Succeeded);
        Assert.Equal(UnitSubmissionWorkflow.Returned, outcome.Instance.State);
        Assert.Equal("Data IK-2.2 belum ada fotonya", outcome.Audit.Reason);
        var fixing = Fire(outcome.Instance, WorkflowTrigger.Fix, "kasi-trantib");
        Assert.Equal(UnitSubmissionWorkflow.Filling, fixing.State);
        Assert.Equal(2, fixing.Revision);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_return_without_a_reason_is_refused(string? reason)
    {
        var instance = AtVerifier(1);

        var outcome = _trantib.Fire(instance, WorkflowTrigger.Return, "kasubbag-pk", instance.Version, reason, Now);

        Assert.Equal(RefusalReason.ReasonRequired, outcome.Refusal);
        Assert.Same(instance, outcome.Instance);
    }

    [Theory]
    [InlineData("sekcam")]
    [InlineData("kasi-trantib")]
    [InlineData("kasi-pem")]
    [InlineData("camat")]
    public void Only_the_verifier_whose_turn_it_is_may_approve(string official)
    {
        var instance = AtVerifier(1);

        var outcome = _trantib.Fire(instance, WorkflowTrigger.Approve, official, instance.Version, null, Now);

        Assert.Equal(RefusalReason.WrongPerson, outcome.Refusal);
    }

    [Fact]
    public void A_button_from_an_older_version_is_refused_as_stale()
    {
        var instance = AtVerifier(1);

        var outcome = _trantib.Fire(instance, WorkflowTrigger.Approve, "kasubbag-pk", instance.Version - 1, null, Now);

        Assert.Equal(RefusalReason.StaleVersion, outcome.Refusal);
    }

    [Fact]
    public void A_trigger_that_does_not_apply_in_the_current_state_is_refused()
    {
        var instance = New();

        var outcome = _trantib.Fire(instance, WorkflowTrigger.Approve, "kasubbag-pk", instance.Version, null, Now);

        Assert.Equal(RefusalReason.NotAllowedInState, outcome.Refusal);
    }

    [Fact]
    public void An_office_chain_official_may_reopen_a_verified_submission_with_a_reason()
    {
        var instance = Fire(AtVerifier(2), WorkflowTrigger.Approve, "sekcam");

        var outcome = _trantib.Fire(instance, WorkflowTrigger.Reopen, "camat", instance.Version, "Angka IKU-2 tidak sesuai laporan bulanan", Now);

        Assert.Equal(UnitSubmissionWorkflow.Returned, outcome.Instance.State);
    }

    [Fact]
    public void The_buttons_follow_the_table_for_whoever_looks()
    {
        var instance = AtVerifier(1);

        Assert.Equal(["Setujui", "Kembalikan"], _trantib.PermittedFor(instance, "kasubbag-pk").Select(t => t.ButtonLabel));
        Assert.Empty(_trantib.PermittedFor(instance, "sekcam"));
        Assert.Empty(_trantib.PermittedFor(instance, "kasi-trantib"));
        Assert.Equal(["Mulai isi"], _trantib.PermittedFor(New(), "kasi-trantib").Select(t => t.ButtonLabel));
    }

    [Fact]
    public void A_unit_with_one_verifier_is_verified_after_one_approval()
    {
        var pmd = new WorkflowCatalog(SampleOffice.Configuration).UnitSubmission("pmd");
        var instance = new WorkflowInstance(7, WorkflowKind.UnitSubmission, "2026-TW3", "pmd", UnitSubmissionWorkflow.Submitted(1), 3, 1);

        var outcome = pmd.Fire(instance, WorkflowTrigger.Approve, "kasubbag-pk", 3, null, Now);

        Assert.Equal(UnitSubmissionWorkflow.Verified, outcome.Instance.State);
    }

    [Fact]
    public void Every_fired_transition_yields_an_audit_entry_with_who_when_from_to_and_version()
    {
        var instance = AtVerifier(1);

        var outcome = _trantib.Fire(instance, WorkflowTrigger.Approve, "kasubbag-pk", instance.Version, null, Now);

        Assert.Equal(
            new AuditEntry(instance.Id, Now, "kasubbag-pk", WorkflowTrigger.Approve, UnitSubmissionWorkflow.Submitted(1), UnitSubmissionWorkflow.Submitted(2), null, instance.Version + 1),
            outcome.Audit);
    }

    private static WorkflowInstance New() =>
        new(42, WorkflowKind.UnitSubmission, "2026-TW3", "trantib", UnitSubmissionWorkflow.NotStarted, 1, 1);

    private WorkflowInstance AtVerifier(int position)
    {
        var instance = Fire(Fire(New(), WorkflowTrigger.Start, "kasi-trantib"), WorkflowTrigger.Submit, "kasi-trantib");
        return position == 1 ? instance : Fire(instance, WorkflowTrigger.Approve, "kasubbag-pk");
    }

    private WorkflowInstance Fire(WorkflowInstance instance, WorkflowTrigger trigger, string official)
    {
        var outcome = _trantib.Fire(instance, trigger, official, instance.Version, null, Now);
        Assert.True(outcome.Succeeded, $"{trigger} by {official} in {instance.State} was refused: {outcome.Refusal}");
        return outcome.Instance;
    }
}
