using KinerjaBot.Actions;
using KinerjaBot.Configuration;
using KinerjaBot.Tests.Support;
using KinerjaBot.Workflow;

namespace KinerjaBot.Tests.Workflow;

/// <summary>
/// A Plt. / Plh. range decides, through the one roster every guard asks, who is shown and may press the absent
/// official's buttons and who holds their step: the stand-in during the range (office-local days), the official outside it.
/// </summary>
public sealed class ActingRosterTests
{
    // 2026-12-01 00:30 in Jakarta is still 30 November in UTC: the office's own date decides.
    private static readonly DateTimeOffset FirstDayJakarta = new(2026, 11, 30, 17, 30, 0, TimeSpan.Zero);

    private static readonly ActingAssignment SekcamForCamat = new("camat", "sekcam", ActingKind.Plh, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 14), "chat:1");

    private readonly FakeTimeProvider _clock = new(FirstDayJakarta);
    private readonly WorkflowService _service;
    private readonly WorkflowInstance _atSignature;

    public ActingRosterTests()
    {
        var catalog = new WorkflowCatalog(SampleOffice.Configuration);
        _service = new WorkflowService(catalog, _clock, new ActingRegister(SampleOffice.Configuration, [SekcamForCamat]));
        _atSignature = new WorkflowInstance(1, WorkflowKind.OfficeReport, "2026-TW3", null, OfficeReportWorkflow.StageStates(SampleOffice.Configuration)[^1], 7, 1);
    }

    [Fact]
    public async Task During_the_range_the_stand_in_holds_the_signature_and_the_absent_head_is_refused()
    {
        Assert.Equal("sekcam", await _service.HolderAsync(_atSignature));
        Assert.Contains(await _service.PermittedAsync(_atSignature, "sekcam"), b => b.Label == "Tandatangani");
        Assert.Empty(await _service.PermittedAsync(_atSignature, "camat"));
        Assert.Null(await _service.PressRefusalAsync(_atSignature, WorkflowTrigger.Approve, "sekcam", 7));
        Assert.Equal(RefusalReason.WrongPerson, await _service.PressRefusalAsync(_atSignature, WorkflowTrigger.Approve, "camat", 7));
        Assert.Equal("camat", await _service.OwnHolderAsync(_atSignature));
    }

    [Fact]
    public async Task After_the_last_day_the_head_signs_again_and_the_stand_in_is_refused()
    {
        _clock.Advance(TimeSpan.FromDays(14));

        Assert.Equal("camat", await _service.HolderAsync(_atSignature));
        Assert.Null(await _service.PressRefusalAsync(_atSignature, WorkflowTrigger.Approve, "camat", 7));
        Assert.Equal(RefusalReason.WrongPerson, await _service.PressRefusalAsync(_atSignature, WorkflowTrigger.Approve, "sekcam", 7));
    }

    [Fact]
    public async Task Before_the_first_office_day_the_head_still_signs()
    {
        var dayBefore = new FakeTimeProvider(FirstDayJakarta.AddHours(-1));
        var service = new WorkflowService(new WorkflowCatalog(SampleOffice.Configuration), dayBefore, new ActingRegister(SampleOffice.Configuration, [SekcamForCamat]));

        Assert.Equal("camat", await service.HolderAsync(_atSignature));
    }

    [Fact]
    public void A_stand_in_keeps_their_own_steps_and_the_roster_says_for_whom_they_act()
    {
        var roster = new ActingRoster([SekcamForCamat], new DateOnly(2026, 12, 2));
        var signer = new WorkflowRole("stage-3", "camat", new HashSet<string> { "camat" });
        var paraf = new WorkflowRole("stage-2", "sekcam", new HashSet<string> { "sekcam" });

        Assert.Equal(SekcamForCamat, roster.ActingIn(signer, "sekcam"));
        Assert.Null(roster.ActingIn(paraf, "sekcam"));
        Assert.True(roster.Admits(paraf, "sekcam"));
        Assert.False(roster.Admits(signer, "camat"));
    }
}
