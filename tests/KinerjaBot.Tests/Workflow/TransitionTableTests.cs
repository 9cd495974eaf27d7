using KinerjaBot.Tests.Support;
using KinerjaBot.Workflow;

namespace KinerjaBot.Tests.Workflow;

/// <summary>Walks every row of every table of the sample office, so a new row cannot go untested.</summary>
public sealed class TransitionTableTests
{
    private static readonly WorkflowCatalog Catalog = new(SampleOffice.Configuration);

    public static TheoryData<string, int> EveryRow()
    {
        var data = new TheoryData<string, int>();
        foreach (var (name, definition) in Definitions())
        {
            for (var row = 0; row < definition.Transitions.Count; row++)
            {
                data.Add(name, row);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryRow))]
    public void Every_row_moves_its_role_from_its_state_to_its_target_and_refuses_everyone_else(string workflow, int row)
    {
        var definition = Definitions().Single(d => d.Name == workflow).Definition;
        var transition = definition.Transitions[row];
        var instance = new WorkflowInstance(1, definition.Kind, "2026-TW3", definition.Kind == WorkflowKind.UnitSubmission ? workflow : null, transition.From, 4, 1);
        var allowed = transition.Role.OfficialIds.First();
        var reason = transition.RequiresReason ? "alasan" : null;

        var moved = definition.Fire(instance, transition.Trigger, allowed, 4, reason, DateTimeOffset.UnixEpoch);
        Assert.Equal(transition.To, moved.Instance.State);
        Assert.Equal(5, moved.Instance.Version);

        var outsider = SampleOffice.Configuration.Officials.Select(o => o.Id).Append(WorkflowRole.SystemActorId)
            .FirstOrDefault(id => !transition.Role.OfficialIds.Contains(id));
        Assert.NotNull(outsider);
        Assert.Equal(RefusalReason.WrongPerson, definition.Fire(instance, transition.Trigger, outsider, 4, reason, DateTimeOffset.UnixEpoch).Refusal);
        if (transition.RequiresReason)
        {
            Assert.Equal(RefusalReason.ReasonRequired, definition.Fire(instance, transition.Trigger, allowed, 4, null, DateTimeOffset.UnixEpoch).Refusal);
        }
    }

    [Fact]
    public void A_table_with_two_rows_for_the_same_state_and_trigger_is_rejected()
    {
        var role = new WorkflowRole("r", "r", new HashSet<string> { "a" });
        var state = new WorkflowState("A");
        Transition[] rows = [new(state, WorkflowTrigger.Approve, role, new("B"), "x"), new(state, WorkflowTrigger.Approve, role, new("C"), "y")];

        Assert.Throws<ArgumentException>(() => new WorkflowDefinition(WorkflowKind.UnitSubmission, "broken", state, [], rows));
    }

    private static IEnumerable<(string Name, WorkflowDefinition Definition)> Definitions() =>
        SampleOffice.Configuration.Units.Select(u => (u.Id, Catalog.UnitSubmission(u.Id))).Append(("report", Catalog.Report));
}
