using KinerjaBot.Workflow;
using Moq;

namespace KinerjaBot.Tests.Workflow;

public sealed class UnitSubmissionWorkflowTests : IDisposable
{
    private readonly WorkflowBench _bench = new();

    public void Dispose() => _bench.Dispose();

    // trantib is checked by kasubbag-pk, then sekcam.
    [Fact]
    public async Task A_submission_goes_from_not_started_through_both_verifiers_to_verified()
    {
        var instance = await _bench.NewAsync(WorkflowKind.UnitSubmission, "trantib");

        instance = await _bench.FireAsync(instance, WorkflowTrigger.Start, "kasi-trantib");
        Assert.Equal(UnitSubmissionWorkflow.Filling, instance.State);
        instance = await _bench.FireAsync(instance, WorkflowTrigger.Submit, "kasi-trantib");
        Assert.Equal(UnitSubmissionWorkflow.Submitted(1), instance.State);
        instance = await _bench.FireAsync(instance, WorkflowTrigger.Approve, "kasubbag-pk");
        Assert.Equal(UnitSubmissionWorkflow.Submitted(2), instance.State);
        instance = await _bench.FireAsync(instance, WorkflowTrigger.Approve, "sekcam");

        Assert.Equal(UnitSubmissionWorkflow.Verified, instance.State);
        Assert.Equal(instance, await _bench.ReadAsync(instance.Id));
        Assert.Equal(5, instance.Version);
        Assert.Equal(1, instance.Revision);
    }

    [Fact]
    public async Task Each_transition_runs_the_effect_registered_beside_it_once_after_it_is_saved()
    {
        var instance = await AtVerifierAsync(1);
        WorkflowInstance? seenByEffect = null;
        _bench.Effects.Setup(e => e.PassedToVerifierAsync(It.IsAny<FiredTransition>(), 2))
            .Returns(async (FiredTransition fired, int _) => seenByEffect = await _bench.Firing!.Workflows.GetAsync(fired.After.Id, default));

        await _bench.FireAsync(instance, WorkflowTrigger.Approve, "kasubbag-pk");

        _bench.Effects.Verify(e => e.DecidedAsync(It.Is<FiredTransition>(f => f.Trigger == WorkflowTrigger.Approve)), Times.Once);
        _bench.Effects.Verify(e => e.PassedToVerifierAsync(It.IsAny<FiredTransition>(), 2), Times.Once);
        _bench.Effects.Verify(e => e.VerifiedAsync(It.IsAny<FiredTransition>()), Times.Never);
        Assert.Equal(UnitSubmissionWorkflow.Submitted(2), seenByEffect?.State);
    }

    [Theory]
    [InlineData(1, "kasubbag-pk")]
    [InlineData(2, "sekcam")]
    public async Task Any_verifier_returns_with_a_reason_and_the_fix_starts_a_new_revision(int position, string verifier)
    {
        var instance = await AtVerifierAsync(position);

        var outcome = await _bench.TryFireAsync(instance, WorkflowTrigger.Return, verifier, "  Data IK-2.2 belum ada fotonya  ");

        Assert.True(outcome.Succeeded);
        Assert.Equal(UnitSubmissionWorkflow.Returned, outcome.Instance.State);
        Assert.Equal("Data IK-2.2 belum ada fotonya", outcome.Audit.Reason);
        var fixing = await _bench.FireAsync(outcome.Instance, WorkflowTrigger.Fix, "kasi-trantib");
        Assert.Equal(UnitSubmissionWorkflow.Filling, fixing.State);
        Assert.Equal(2, fixing.Revision);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_return_without_a_reason_is_refused_and_changes_nothing(string? reason)
    {
        var instance = await AtVerifierAsync(1);

        var outcome = await _bench.TryFireAsync(instance, WorkflowTrigger.Return, "kasubbag-pk", reason);

        Assert.Equal(RefusalReason.ReasonRequired, outcome.Refusal);
        Assert.Equal(instance, await _bench.ReadAsync(instance.Id));
    }

    [Theory]
    [InlineData("sekcam")]
    [InlineData("kasi-trantib")]
    [InlineData("kasi-pem")]
    [InlineData("camat")]
    public async Task Only_the_verifier_whose_turn_it_is_may_approve(string official)
    {
        var instance = await AtVerifierAsync(1);

        var outcome = await _bench.TryFireAsync(instance, WorkflowTrigger.Approve, official);

        Assert.Equal(RefusalReason.WrongPerson, outcome.Refusal);
        _bench.Effects.Verify(e => e.PassedToVerifierAsync(It.IsAny<FiredTransition>(), It.IsAny<int>()), Times.Never);
    }

    [Fact]
    public async Task A_button_from_an_older_version_is_refused_as_stale()
    {
        var instance = await AtVerifierAsync(1);

        var outcome = await _bench.TryFireAsync(instance, WorkflowTrigger.Approve, "kasubbag-pk", version: instance.Version - 1);

        Assert.Equal(RefusalReason.StaleVersion, outcome.Refusal);
    }

    [Fact]
    public async Task A_trigger_that_does_not_apply_in_the_current_state_is_refused()
    {
        var instance = await _bench.NewAsync(WorkflowKind.UnitSubmission, "trantib");

        var outcome = await _bench.TryFireAsync(instance, WorkflowTrigger.Approve, "kasubbag-pk");

        Assert.Equal(RefusalReason.NotAllowedInState, outcome.Refusal);
    }

    [Fact]
    public async Task An_office_chain_official_may_reopen_a_verified_submission_with_a_reason()
    {
        var instance = await _bench.FireAsync(await AtVerifierAsync(2), WorkflowTrigger.Approve, "sekcam");

        var outcome = await _bench.TryFireAsync(instance, WorkflowTrigger.Reopen, "camat", "Angka IKU-2 tidak sesuai laporan bulanan");

        Assert.Equal(UnitSubmissionWorkflow.Returned, outcome.Instance.State);
        _bench.Effects.Verify(e => e.ReopenedAsync(It.IsAny<FiredTransition>()), Times.Once);
    }

    [Fact]
    public async Task The_buttons_follow_the_machine_for_whoever_looks()
    {
        var instance = await AtVerifierAsync(1);

        Assert.Equal(["Setujui", "Kembalikan"], (await _bench.Service.PermittedAsync(instance, "kasubbag-pk")).Select(t => t.Label));
        Assert.Empty(await _bench.Service.PermittedAsync(instance, "sekcam"));
        Assert.Empty(await _bench.Service.PermittedAsync(instance, "kasi-trantib"));
        Assert.Equal(["Mulai isi"], (await _bench.Service.PermittedAsync(await _bench.NewAsync(WorkflowKind.UnitSubmission, "pemerintahan"), "kasi-pem")).Select(t => t.Label));
    }

    [Fact]
    public async Task The_holder_of_a_step_is_whoever_the_machine_lets_act_and_nobody_once_verified()
    {
        var instance = await _bench.NewAsync(WorkflowKind.UnitSubmission, "trantib");
        Assert.Equal("kasi-trantib", await _bench.Service.HolderAsync(instance));
        instance = await AtVerifierAsync(2);
        Assert.Equal("sekcam", await _bench.Service.HolderAsync(instance));

        instance = await _bench.FireAsync(instance, WorkflowTrigger.Approve, "sekcam");

        Assert.Null(await _bench.Service.HolderAsync(instance));
    }

    [Fact]
    public async Task A_unit_with_one_verifier_is_verified_after_one_approval()
    {
        var instance = await _bench.NewAsync(WorkflowKind.UnitSubmission, "pmd");
        instance = await _bench.FireAsync(await _bench.FireAsync(instance, WorkflowTrigger.Start, "kasi-pmd"), WorkflowTrigger.Submit, "kasi-pmd");

        var outcome = await _bench.TryFireAsync(instance, WorkflowTrigger.Approve, "kasubbag-pk");

        Assert.Equal(UnitSubmissionWorkflow.Verified, outcome.Instance.State);
        _bench.Effects.Verify(e => e.VerifiedAsync(It.IsAny<FiredTransition>()), Times.Once);
    }

    [Fact]
    public async Task Every_fired_transition_is_audited_with_who_when_from_to_and_version()
    {
        var instance = await AtVerifierAsync(1);

        var outcome = await _bench.TryFireAsync(instance, WorkflowTrigger.Approve, "kasubbag-pk");

        var expected = new AuditEntry(instance.Id, WorkflowBench.Now, "kasubbag-pk", WorkflowTrigger.Approve, UnitSubmissionWorkflow.Submitted(1), UnitSubmissionWorkflow.Submitted(2), null, instance.Version + 1);
        Assert.Equal(expected, outcome.Audit);
        await using var tx = await _bench.Store.BeginAsync(default);
        Assert.Equal(expected, (await tx.Audit.ForInstanceAsync(instance.Id, default))[^1]);
    }

    private async Task<WorkflowInstance> AtVerifierAsync(int position)
    {
        var instance = await _bench.NewAsync(WorkflowKind.UnitSubmission, "trantib");
        instance = await _bench.FireAsync(await _bench.FireAsync(instance, WorkflowTrigger.Start, "kasi-trantib"), WorkflowTrigger.Submit, "kasi-trantib");
        return position == 1 ? instance : await _bench.FireAsync(instance, WorkflowTrigger.Approve, "kasubbag-pk");
    }
}
