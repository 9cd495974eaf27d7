using KinerjaBot.Workflow;
using Moq;

namespace KinerjaBot.Tests.Workflow;

public sealed class FormatApprovalWorkflowTests : IDisposable
{
    private readonly WorkflowBench _bench = new();

    public void Dispose() => _bench.Dispose();

    [Fact]
    public async Task The_format_passes_planning_paraf_and_signature_and_then_nobody_owes_anything()
    {
        var format = await _bench.NewAsync(WorkflowKind.FormatApproval, null);
        Assert.Equal("kasubbag-pk", await _bench.Service.HolderAsync(format));
        format = await _bench.FireAsync(format, WorkflowTrigger.Approve, "kasubbag-pk");
        Assert.Equal(FormatApprovalWorkflow.Paraf, format.State);
        Assert.Equal("sekcam", await _bench.Service.HolderAsync(format));
        format = await _bench.FireAsync(format, WorkflowTrigger.Approve, "sekcam");
        Assert.Equal("camat", await _bench.Service.HolderAsync(format));
        format = await _bench.FireAsync(format, WorkflowTrigger.Approve, "camat");

        Assert.Equal(FormatApprovalWorkflow.Signed, format.State);
        Assert.Null(await _bench.Service.HolderAsync(format));
        _bench.Effects.Verify(e => e.FormatApprovedAsync(It.IsAny<FiredTransition>()), Times.Exactly(2));
        _bench.Effects.Verify(e => e.FormatSignedAsync(It.IsAny<FiredTransition>()), Times.Once);
    }

    [Fact]
    public async Task Each_step_shows_its_own_label_and_kembalikan_to_its_holder_only()
    {
        var format = await _bench.NewAsync(WorkflowKind.FormatApproval, null);
        Assert.Equal(["Setujui", "Kembalikan"], await OfferedLabelsAsync(format, "kasubbag-pk"));
        Assert.Empty(await OfferedLabelsAsync(format, "sekcam"));
        format = await _bench.FireAsync(format, WorkflowTrigger.Approve, "kasubbag-pk");
        Assert.Equal(["Paraf", "Kembalikan"], await OfferedLabelsAsync(format, "sekcam"));
        format = await _bench.FireAsync(format, WorkflowTrigger.Approve, "sekcam");
        Assert.Equal(["Tandatangani", "Kembalikan"], await OfferedLabelsAsync(format, "camat"));
    }

    [Fact]
    public async Task A_return_needs_a_reason_goes_to_the_operators_and_the_corrected_draft_starts_a_new_pass_at_planning()
    {
        var format = await _bench.NewAsync(WorkflowKind.FormatApproval, null);
        Assert.Equal(RefusalReason.ReasonRequired, (await _bench.TryFireAsync(format, WorkflowTrigger.Return, "kasubbag-pk")).Refusal);

        var returned = await _bench.FireAsync(format, WorkflowTrigger.Return, "kasubbag-pk", "Target IKU-1 belum sesuai Renja");
        Assert.Equal(FormatApprovalWorkflow.Correction, returned.State);
        Assert.Equal("staf-pk", await _bench.Service.HolderAsync(returned));
        Assert.Equal([FormatApprovalWorkflow.ResendLabel], await OfferedLabelsAsync(returned, "staf-pk"));

        var resent = await _bench.FireAsync(returned, WorkflowTrigger.Submit, "staf-pk");
        Assert.Equal(FormatApprovalWorkflow.Review, resent.State);
        Assert.Equal(2, resent.Revision);
        _bench.Effects.Verify(e => e.FormatReturnedAsync(It.IsAny<FiredTransition>()), Times.Once);
        _bench.Effects.Verify(e => e.FormatResentAsync(It.IsAny<FiredTransition>()), Times.Once);
    }

    [Fact]
    public async Task A_forged_press_is_refused_as_not_theirs_and_a_stale_one_as_already_processed()
    {
        var format = await _bench.NewAsync(WorkflowKind.FormatApproval, null);
        Assert.Equal(RefusalReason.WrongPerson, (await _bench.TryFireAsync(format, WorkflowTrigger.Approve, "kasi-pem")).Refusal);
        Assert.Equal(RefusalReason.WrongPerson, (await _bench.TryFireAsync(format, WorkflowTrigger.Submit, "kasubbag-pk")).Refusal);

        var moved = await _bench.FireAsync(format, WorkflowTrigger.Approve, "kasubbag-pk");
        Assert.Equal(RefusalReason.StaleVersion, (await _bench.TryFireAsync(moved, WorkflowTrigger.Approve, "kasubbag-pk", version: format.Version)).Refusal);
        Assert.Equal(FormatApprovalWorkflow.Paraf, (await _bench.ReadAsync(format.Id)).State);
    }

    private async Task<IReadOnlyList<string>> OfferedLabelsAsync(WorkflowInstance instance, string official) =>
        (await _bench.Service.PermittedAsync(instance, official)).Where(b => b.Offered).Select(b => b.Label).ToList();
}
