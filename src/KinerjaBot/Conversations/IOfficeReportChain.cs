using KinerjaBot.Domain;
using KinerjaBot.Workflow;

namespace KinerjaBot.Conversations;

/// <summary>The office report chain as seen from the unit conversation: told when units are verified, and handed report presses.</summary>
public interface IOfficeReportChain
{
    /// <summary>A unit submission of <paramref name="period"/> became Verified; opens the report when all are.</summary>
    Task OnUnitVerifiedAsync(ConversationContext context, Period period);

    /// <summary>A button on a report message was pressed.</summary>
    Task HandlePressAsync(ConversationContext context, WorkflowInstance report, CallbackAction action);

    /// <summary>/rekap [period]: the report's state and its PDF (the draft, or the signed one); the newest period by default.</summary>
    Task SendSummaryAsync(ConversationContext context, string? periodId);

    /// <summary>(Re)sends the current stage holder the draft with the stage's buttons; used when they register late.</summary>
    Task SendStageMessageAsync(ConversationContext context, WorkflowInstance report, string? note = null);

    /// <summary>The reason for a report return was typed.</summary>
    Task HandleReasonAsync(ConversationContext context, WorkflowInstance report, ConversationState state, string reason);
}
