namespace KinerjaBot.Workflow;

/// <summary>
/// What the office-report transitions do besides moving the state; each is registered beside its transition in
/// <see cref="OfficeReportWorkflow"/> and runs inside the store transaction that saves it.
/// </summary>
public interface IOfficeReportEffects
{
    /// <summary>OpenReport, Approve to a later stage, or ReturnToPrevious: the draft to the stage now holding it.</summary>
    Task StageEnteredAsync(FiredTransition fired);

    /// <summary>The last stage approved: the signed PDF to the head, the operators and the chain.</summary>
    Task SignedAsync(FiredTransition fired);

    /// <summary>ReturnToUnit: the unit's submission reopened and its head told.</summary>
    Task ReturnedToUnitAsync(FiredTransition fired);
}
