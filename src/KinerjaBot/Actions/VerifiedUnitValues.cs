using KinerjaBot.Storage;
using KinerjaBot.Workflow;

namespace KinerjaBot.Actions;

/// <summary>A unit's values for a period, only once its submission is verified: what rollups and recap columns may use.</summary>
public static class VerifiedUnitValues
{
    /// <returns>The current values, or null while the unit's submission for the period is missing or not verified.</returns>
    public static async Task<IReadOnlyDictionary<string, StoredValue>?> FindAsync(StoreTransaction transaction, string periodId, string unitId, CancellationToken cancellationToken)
    {
        var submission = await transaction.Workflows.FindAsync(WorkflowKind.UnitSubmission, periodId, unitId, cancellationToken);
        return submission?.State == UnitSubmissionWorkflow.Verified
            ? await transaction.Values.CurrentAsync(submission.Id, cancellationToken)
            : null;
    }
}
