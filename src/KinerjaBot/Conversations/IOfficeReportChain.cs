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

    /// <summary>/rekap: the newest period's report summary and, once there is one, its PDF.</summary>
    Task SendSummaryAsync(ConversationContext context);

    /// <summary>The reason for a report return was typed.</summary>
    Task HandleReasonAsync(ConversationContext context, WorkflowInstance report, ConversationState state, string reason);
}
