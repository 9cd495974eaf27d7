using KinerjaBot.Messaging;
using KinerjaBot.Workflow;

namespace KinerjaBot.Actions;

/// <summary>
/// The decision buttons of a workflow message (Mulai isi, Kirim, Setujui, Kembalikan, Perbaiki, Validasi, Paraf,
/// Tandatangani, Buka revisi): exactly the triggers the machine permits the official, with the configuration's labels.
/// Nothing else builds them, so a button shown is a press the machine accepts.
/// </summary>
public static class WorkflowChoices
{
    /// <summary>One row with the official's permitted triggers that are offered as buttons; none when there are none.</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<Choice>>> ForAsync(WorkflowService workflows, WorkflowInstance instance, string officialId) =>
        From(instance, await workflows.PermittedAsync(instance, officialId));

    /// <summary>The same, from triggers already asked of the machine.</summary>
    public static IReadOnlyList<IReadOnlyList<Choice>> From(WorkflowInstance instance, IEnumerable<TriggerButton> permitted)
    {
        var row = permitted
            .Where(button => button.Offered)
            .Select(button => new Choice(button.Label, CallbackAction.ForTrigger(instance, button.Trigger)))
            .ToList();
        return row.Count == 0 ? [] : [row];
    }

    /// <summary>
    /// The "ke mana?" answers to a report's Kembalikan, one row each: the previous stage (labelled
    /// <paramref name="previousStageLabel"/>) when the machine permits ReturnToPrevious, and each of
    /// <paramref name="units"/> (unit id, label) when it permits ReturnToUnit. A target the machine does not permit
    /// gets no button.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<Choice>> ReturnTargets(
        WorkflowInstance report,
        IEnumerable<TriggerButton> permitted,
        string? previousStageLabel,
        IEnumerable<(string UnitId, string Label)> units)
    {
        var triggers = permitted.Select(button => button.Trigger).ToHashSet();
        var rows = new List<IReadOnlyList<Choice>>();
        if (triggers.Contains(WorkflowTrigger.ReturnToPrevious) && previousStageLabel is not null)
        {
            rows.Add([new Choice(previousStageLabel, CallbackAction.ForTrigger(report, WorkflowTrigger.ReturnToPrevious))]);
        }

        if (triggers.Contains(WorkflowTrigger.ReturnToUnit))
        {
            rows.AddRange(units.Select(unit => (IReadOnlyList<Choice>)[new Choice(unit.Label, CallbackAction.ForTrigger(report, WorkflowTrigger.ReturnToUnit, unit.UnitId))]));
        }

        return rows;
    }
}
