using KinerjaBot.Workflow;
using Moq;

namespace KinerjaBot.Tests.Workflow;

public sealed class OfficeReportWorkflowTests : IDisposable
{
    private static readonly WorkflowState Validation = new("Validation");
    private static readonly WorkflowState Paraf = new("Paraf");
    private static readonly WorkflowState Signature = new("Signature");

    private readonly WorkflowBench _bench = new();

    public void Dispose() => _bench.Dispose();

    [Fact]
    public async Task The_report_opens_by_the_bot_and_passes_validation_paraf_and_signature()
    {
        var instance = await OpenedAsync();
        Assert.Equal(Validation, instance.State);
        instance = await _bench.FireAsync(instance, WorkflowTrigger.Approve, "kasubbag-pk");
        Assert.Equal(Paraf, instance.State);
        instance = await _bench.FireAsync(instance, WorkflowTrigger.Approve, "sekcam");
        Assert.Equal(Signature, instance.State);
        instance = await _bench.FireAsync(instance, WorkflowTrigger.Approve, "camat");

        Assert.Equal(OfficeReportWorkflow.Signed, instance.State);
        _bench.Effects.Verify(e => e.StageEnteredAsync(It.IsAny<FiredTransition>()), Times.Exactly(3));
        _bench.Effects.Verify(e => e.SignedAsync(It.IsAny<FiredTransition>()), Times.Once);
    }

    [Fact]
    public async Task Each_stage_shows_its_own_approve_label_and_one_kembalikan()
    {
        var instance = await OpenedAsync();
        Assert.Equal(["Validasi", "Kembalikan"], await OfferedLabelsAsync(instance, "kasubbag-pk"));
        instance = await _bench.FireAsync(instance, WorkflowTrigger.Approve, "kasubbag-pk");
        Assert.Equal(["Paraf", "Kembalikan"], await OfferedLabelsAsync(instance, "sekcam"));
        instance = await _bench.FireAsync(instance, WorkflowTrigger.Approve, "sekcam");
        Assert.Equal(["Tandatangani", "Kembalikan"], await OfferedLabelsAsync(instance, "camat"));
    }

    [Fact]
    public async Task The_signature_stage_returns_to_paraf_with_a_reason()
    {
        var instance = await AtSignatureAsync();

        var outcome = await _bench.TryFireAsync(instance, WorkflowTrigger.ReturnToPrevious, "camat", "Paraf belum lengkap");

        Assert.Equal(Paraf, outcome.Instance.State);
    }

    [Fact]
    public async Task Validation_cannot_return_to_a_previous_stage_because_there_is_none()
    {
        var instance = await OpenedAsync();

        var outcome = await _bench.TryFireAsync(instance, WorkflowTrigger.ReturnToPrevious, "kasubbag-pk", "salah");

        // The first stage's official holds no role that ever returns to a previous stage: not their button.
        Assert.Equal(RefusalReason.WrongPerson, outcome.Refusal);
        Assert.Equal(OfficeReportWorkflow.StageStates(_bench.Catalog.Office)[0], (await _bench.ReadAsync(instance.Id)).State);
    }

    [Fact]
    public async Task A_stage_official_pressing_a_return_to_the_previous_stage_after_the_report_moved_back_is_refused_as_not_applying()
    {
        var atParaf = await _bench.FireAsync(await OpenedAsync(), WorkflowTrigger.Approve, "kasubbag-pk");
        var backAtValidation = await _bench.FireAsync(atParaf, WorkflowTrigger.ReturnToPrevious, "sekcam", "Lampiran kurang");

        var outcome = await _bench.TryFireAsync(backAtValidation, WorkflowTrigger.ReturnToPrevious, "sekcam", "lagi");

        Assert.Equal(RefusalReason.NotAllowedInState, outcome.Refusal);
    }

    [Theory]
    [InlineData(0, "kasubbag-pk")]
    [InlineData(1, "sekcam")]
    [InlineData(2, "camat")]
    public async Task Any_stage_returns_the_report_to_collecting_when_it_sends_a_unit_back(int approvals, string official)
    {
        var instance = await OpenedAsync();
        foreach (var approver in new[] { "kasubbag-pk", "sekcam" }.Take(approvals))
        {
            instance = await _bench.FireAsync(instance, WorkflowTrigger.Approve, approver);
        }

        var outcome = await _bench.TryFireAsync(instance, WorkflowTrigger.ReturnToUnit, official, "Data seksi PMD keliru");

        Assert.Equal(OfficeReportWorkflow.Collecting, outcome.Instance.State);
        _bench.Effects.Verify(e => e.ReturnedToUnitAsync(It.IsAny<FiredTransition>()), Times.Once);
    }

    [Fact]
    public async Task A_press_by_someone_other_than_the_stage_holder_is_refused()
    {
        var instance = await AtSignatureAsync();

        Assert.Equal(RefusalReason.WrongPerson, (await _bench.TryFireAsync(instance, WorkflowTrigger.Approve, "sekcam")).Refusal);
        var collecting = await _bench.NewAsync(WorkflowKind.OfficeReport, null);
        Assert.Equal(RefusalReason.WrongPerson, (await _bench.TryFireAsync(collecting, WorkflowTrigger.OpenReport, "staf-pk")).Refusal);
    }

    [Fact]
    public async Task Reopening_a_signed_report_starts_the_next_revision()
    {
        var signed = await _bench.FireAsync(await AtSignatureAsync(), WorkflowTrigger.Approve, "camat");
        Assert.Null(await _bench.Service.HolderAsync(signed));

        var outcome = await _bench.TryFireAsync(signed, WorkflowTrigger.ReturnToUnit, "staf-pk", "Ada koreksi data dari Bagian Organisasi");

        Assert.Equal(OfficeReportWorkflow.Collecting, outcome.Instance.State);
        Assert.Equal(2, outcome.Instance.Revision);
    }

    [Fact]
    public async Task The_stage_holder_is_the_official_of_the_stage_and_nobody_while_collecting()
    {
        var collecting = await _bench.NewAsync(WorkflowKind.OfficeReport, null);
        Assert.Null(await _bench.Service.HolderAsync(collecting));

        Assert.Equal("kasubbag-pk", await _bench.Service.HolderAsync(await OpenedAsync()));
        Assert.Equal("camat", await _bench.Service.HolderAsync(await AtSignatureAsync()));
    }

    private async Task<IReadOnlyList<string>> OfferedLabelsAsync(WorkflowInstance instance, string official) =>
        (await _bench.Service.PermittedAsync(instance, official)).Where(b => b.Offered).Select(b => b.Label).ToList();

    private async Task<WorkflowInstance> OpenedAsync() =>
        await _bench.FireAsync(await _bench.NewAsync(WorkflowKind.OfficeReport, null), WorkflowTrigger.OpenReport, WorkflowRole.SystemActorId);

    private async Task<WorkflowInstance> AtSignatureAsync() =>
        await _bench.FireAsync(await _bench.FireAsync(await OpenedAsync(), WorkflowTrigger.Approve, "kasubbag-pk"), WorkflowTrigger.Approve, "sekcam");
}
