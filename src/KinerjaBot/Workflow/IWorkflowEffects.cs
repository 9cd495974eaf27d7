namespace KinerjaBot.Workflow;

/// <summary>
/// The effects of every transition of the three workflows, bound to the caller's store transaction and conversation.
/// <see cref="DecidedAsync"/> runs first, right after the transition is saved, so the decided message loses its
/// buttons before any effect sends a reply.
/// </summary>
public interface IWorkflowEffects : IUnitSubmissionEffects, IOfficeReportEffects, IFormatApprovalEffects, IMeasurementEffects
{
    Task DecidedAsync(FiredTransition fired);
}
