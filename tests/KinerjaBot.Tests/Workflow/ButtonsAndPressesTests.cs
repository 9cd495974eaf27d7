using KinerjaBot.Actions;
using KinerjaBot.Configuration;
using KinerjaBot.Conversations;
using KinerjaBot.Tests.Support;
using KinerjaBot.Workflow;

namespace KinerjaBot.Tests.Workflow;

/// <summary>
/// Every state of every machine of the sample office, looked at by every official (and the bot): the buttons shown
/// and the presses accepted come from the same Stateless configuration, so they cannot disagree.
/// </summary>
public sealed class ButtonsAndPressesTests
{
    private static readonly WorkflowCatalog Catalog = new(SampleOffice.Configuration);
    private static readonly WorkflowService Service = new(Catalog, TimeProvider.System);

    // The head and the planning official away today, with stand-ins who hold steps of their own as well.
    private static readonly WorkflowService ServiceWithStandIns = new(Catalog, TimeProvider.System, new ActingRegister(SampleOffice.Configuration, [
        new ActingAssignment("camat", "sekcam", ActingKind.Plh, DateOnly.MinValue, DateOnly.MaxValue, "chat:1"),
        new ActingAssignment("kasubbag-pk", "kasi-kesos", ActingKind.Plt, DateOnly.MinValue, DateOnly.MaxValue, "chat:2"),
    ]));

    public static TheoryData<string, bool> EveryMachineWithAndWithoutStandIns()
    {
        var data = new TheoryData<string, bool>();
        foreach (var machine in SampleOffice.Configuration.Units.Select(u => u.Id).Append("report"))
        {
            data.Add(machine, false);
            data.Add(machine, true);
        }

        return data;
    }

    public static TheoryData<string> EveryMachine()
    {
        var data = new TheoryData<string>();
        foreach (var unit in SampleOffice.Configuration.Units)
        {
            data.Add(unit.Id);
        }

        data.Add("report");
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryMachineWithAndWithoutStandIns))]
    public async Task In_every_state_each_official_may_press_exactly_the_triggers_the_machine_permits_them(string machine, bool withStandIns)
    {
        var service = withStandIns ? ServiceWithStandIns : Service;
        var checkedPairs = 0;
        foreach (var instance in InstancesInEveryState(machine))
        {
            foreach (var official in SampleOffice.Configuration.Officials.Select(o => o.Id).Append(WorkflowRole.SystemActorId))
            {
                var permitted = (await service.PermittedAsync(instance, official)).Select(b => b.Trigger).ToHashSet();
                var accepted = new HashSet<WorkflowTrigger>();
                foreach (var trigger in Enum.GetValues<WorkflowTrigger>())
                {
                    if (await service.PressRefusalAsync(instance, trigger, official, instance.Version) is null)
                    {
                        accepted.Add(trigger);
                    }
                }

                Assert.True(permitted.SetEquals(accepted), $"{machine} in {instance.State} for {official}: shown [{string.Join(", ", permitted)}], accepted [{string.Join(", ", accepted)}]");
                checkedPairs++;
            }
        }

        Assert.True(checkedPairs > SampleOffice.Configuration.Officials.Count * 4);
    }

    [Theory]
    [MemberData(nameof(EveryMachine))]
    public async Task Every_button_shown_names_a_trigger_the_machine_accepts_from_that_official_on_that_version(string machine)
    {
        foreach (var instance in InstancesInEveryState(machine))
        {
            foreach (var official in SampleOffice.Configuration.Officials.Select(o => o.Id))
            {
                var choices = await WorkflowChoices.ForAsync(Service, instance, official);
                foreach (var choice in choices.SelectMany(row => row))
                {
                    Assert.True(CallbackAction.TryParse(choice.Action, out var action));
                    Assert.Equal(instance.Version, action.Version);
                    Assert.Null(await Service.PressRefusalAsync(instance, action.Trigger!.Value, official, action.Version));
                }
            }
        }
    }

    [Fact]
    public async Task Whoever_holds_a_step_is_shown_a_button_for_it_and_a_verified_or_closed_unit_or_signed_report_has_no_holder()
    {
        foreach (var machine in SampleOffice.Configuration.Units.Select(u => u.Id).Append("report"))
        {
            foreach (var instance in InstancesInEveryState(machine))
            {
                var holder = await Service.HolderAsync(instance);
                if (instance.State == UnitSubmissionWorkflow.Verified || instance.State == UnitSubmissionWorkflow.Closed || instance.State == OfficeReportWorkflow.Signed || instance.State == OfficeReportWorkflow.Collecting)
                {
                    Assert.Null(holder);
                }
                else
                {
                    Assert.NotNull(holder);
                    Assert.NotEmpty(await WorkflowChoices.ForAsync(Service, instance, holder));
                }
            }
        }
    }

    [Fact]
    public async Task A_stale_button_is_refused_as_stale_for_the_official_who_could_otherwise_press_it()
    {
        var instance = new WorkflowInstance(1, WorkflowKind.UnitSubmission, "2026-TW3", "trantib", UnitSubmissionWorkflow.Submitted(1), 4, 1);

        Assert.Equal(RefusalReason.StaleVersion, await Service.PressRefusalAsync(instance, WorkflowTrigger.Approve, "kasubbag-pk", 3));
        Assert.Equal(RefusalReason.WrongPerson, await Service.PressRefusalAsync(instance, WorkflowTrigger.Approve, "kasi-pem", 3));
    }

    private static IEnumerable<WorkflowInstance> InstancesInEveryState(string machine)
    {
        var template = machine == "report"
            ? new WorkflowInstance(1, WorkflowKind.OfficeReport, "2026-TW3", null, OfficeReportWorkflow.Collecting, 4, 1)
            : new WorkflowInstance(1, WorkflowKind.UnitSubmission, "2026-TW3", machine, UnitSubmissionWorkflow.NotStarted, 4, 1);
        return Catalog.MachineFor(template).States.Select(state => template with { State = state });
    }
}
