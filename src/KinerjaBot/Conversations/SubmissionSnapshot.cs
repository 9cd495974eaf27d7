using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Storage;
using KinerjaBot.Workflow;

namespace KinerjaBot.Conversations;

/// <summary>A unit submission with what it needs to be shown: its unit, period, indicators and current values.</summary>
public sealed record SubmissionSnapshot(
    WorkflowInstance Instance,
    Unit Unit,
    Period Period,
    IReadOnlyList<Indicator> Indicators,
    IReadOnlyDictionary<string, StoredValue> Values)
{
    public Indicator? FirstUnanswered() => Indicators.FirstOrDefault(i => !Values.ContainsKey(i.Code));

    public IReadOnlyList<Indicator> MissingEvidence() =>
        Indicators.Where(i => i.Evidence == EvidenceRule.Required && (!Values.TryGetValue(i.Code, out var v) || v.EvidencePath is null)).ToList();

    public static async Task<SubmissionSnapshot?> LoadAsync(ConversationContext context, long instanceId)
    {
        var instance = await context.Transaction.Workflows.GetAsync(instanceId, context.CancellationToken);
        if (instance is not { Kind: WorkflowKind.UnitSubmission, UnitId: { } unitId } || context.Office.Units.All(u => u.Id != unitId))
        {
            return null;
        }

        var period = Period.Parse(instance.PeriodId);
        var values = await context.Transaction.Values.CurrentAsync(instance.Id, context.CancellationToken);
        return new SubmissionSnapshot(instance, context.Office.Unit(unitId), period, context.Office.IndicatorsFor(unitId, period), values);
    }
}
