namespace KinerjaBot.Workflow;

/// <summary>
/// What the format-approval transitions do besides moving the state; each is registered beside its transition in
/// <see cref="FormatApprovalWorkflow"/> and runs inside the store transaction that saves it.
/// </summary>
public interface IFormatApprovalEffects
{
    /// <summary>Review or Paraf approved: the draft to the next signer.</summary>
    Task FormatApprovedAsync(FiredTransition fired);

    /// <summary>A signer returned the draft: the reason to the operators.</summary>
    Task FormatReturnedAsync(FiredTransition fired);

    /// <summary>An operator sent the corrected draft: back to the planning official.</summary>
    Task FormatResentAsync(FiredTransition fired);

    /// <summary>The head signed: the letter is numbered, both PDFs archived, then every unit head asked.</summary>
    Task FormatSignedAsync(FiredTransition fired);
}
