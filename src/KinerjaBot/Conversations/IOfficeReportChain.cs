using KinerjaBot.Actions;
using KinerjaBot.Domain;
using KinerjaBot.Workflow;

namespace KinerjaBot.Conversations;

/// <summary>
/// The office report chain as seen from the unit conversation: told when units are verified, handed report presses,
/// and carrying out the report transitions' effects (see <see cref="IOfficeReportEffects"/>).
/// </summary>
public interface IOfficeReportChain
{
    /// <summary>A unit submission of <paramref name="period"/> became Verified; opens the report when all are.</summary>
    Task OnUnitVerifiedAsync(ConversationContext context, Period period, IWorkflowEffects effects);

    /// <summary>A button on a report message was pressed.</summary>
    Task HandlePressAsync(ConversationContext context, WorkflowInstance report, CallbackAction action, IWorkflowEffects effects);

    /// <summary>/rekap [period]: the report's state and its PDF (the draft, or the signed one); the newest period by default.</summary>
    Task SendSummaryAsync(ConversationContext context, string? periodId);

    /// <summary>(Re)sends the current stage holder the draft with the stage's buttons; used when they register late.</summary>
    Task SendStageMessageAsync(ConversationContext context, WorkflowInstance report, string? note = null);

    /// <summary>The reason for a report return was typed.</summary>
    Task HandleReasonAsync(ConversationContext context, WorkflowInstance report, PendingReturn pending, string reason, IWorkflowEffects effects);

    /// <summary>The report entered a chain stage (opened, approved on, or returned to the previous stage).</summary>
    Task OnStageEnteredAsync(ConversationContext context, FiredTransition fired);

    /// <summary>The last stage signed: the signed PDF goes out.</summary>
    Task OnSignedAsync(ConversationContext context, FiredTransition fired);

    /// <summary>The report went back to a unit: that unit's submission is reopened with the same reason.</summary>
    Task OnReturnedToUnitAsync(ConversationContext context, FiredTransition fired, IWorkflowEffects effects);
}
