using KinerjaBot.Actions;
using KinerjaBot.Domain;
using KinerjaBot.Workflow;

namespace KinerjaBot.Conversations;

/// <summary>The measurement report's chain in the chat: started with /ukur, its presses, and its transitions' effects.</summary>
public interface IMeasurementChain
{
    /// <summary>/ukur 2026 (or 2026-S1): prepares the year's (semester's) measurement report and sends the planning official its draft.</summary>
    Task StartAsync(ConversationContext context, string? argument);

    /// <summary>A button on a measurement message was pressed.</summary>
    Task HandlePressAsync(ConversationContext context, WorkflowInstance measurement, CallbackAction action, IWorkflowEffects effects);

    Task OnSubmittedAsync(ConversationContext context, FiredTransition fired);

    Task OnReturnedAsync(ConversationContext context, FiredTransition fired);

    Task OnReportedAsync(ConversationContext context, FiredTransition fired);
}
