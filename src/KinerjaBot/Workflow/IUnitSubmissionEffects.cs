namespace KinerjaBot.Workflow;

/// <summary>
/// What the unit-submission transitions do besides moving the state; each is registered beside its transition in
/// <see cref="UnitSubmissionWorkflow"/> and runs inside the store transaction that saves it.
/// </summary>
public interface IUnitSubmissionEffects
{
    /// <summary>Start: the first (or next) indicator question.</summary>
    Task FillingStartedAsync(FiredTransition fired);

    /// <summary>Submit: thanks to the head, the data to the first verifier.</summary>
    Task SubmittedAsync(FiredTransition fired);

    /// <summary>Approve by a verifier who is not the last: the data on to the verifier at <paramref name="position"/>.</summary>
    Task PassedToVerifierAsync(FiredTransition fired, int position);

    /// <summary>Approve by the last verifier: the unit is verified; the report opens once every unit is.</summary>
    Task VerifiedAsync(FiredTransition fired);

    /// <summary>Return by a verifier: the reason to the unit head with Perbaiki.</summary>
    Task ReturnedAsync(FiredTransition fired);

    /// <summary>Reopen from the report chain: the reason to the unit head with Perbaiki.</summary>
    Task ReopenedAsync(FiredTransition fired);

    /// <summary>Fix: the summary to change and send again.</summary>
    Task FixStartedAsync(FiredTransition fired);

    /// <summary>Close (/tutup): whoever held the unit's step is told the period was closed, with the reason.</summary>
    Task ClosedAsync(FiredTransition fired);
}
