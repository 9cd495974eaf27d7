using KinerjaBot.Configuration;
using KinerjaBot.Messaging;
using KinerjaBot.Workflow;

namespace KinerjaBot.Conversations;

/// <summary>
/// The buttons of a report chain stage: the stage's approve label (Validasi / Paraf / Tandatangani) and Kembalikan,
/// which then asks where to. The same pair <c>OfficeReportChain</c> puts under the draft it sends.
/// </summary>
public static class ReportStageChoices
{
    public static IReadOnlyList<IReadOnlyList<Choice>> For(WorkflowInstance report, ChainStage stage) =>
    [[
        new Choice(OfficeReportWorkflow.ApproveLabel(stage.Kind), CallbackAction.ForTrigger(report, WorkflowTrigger.Approve)),
        new Choice(BotTexts.Return, CallbackAction.ForTrigger(report, WorkflowTrigger.ReturnToUnit)),
    ]];
}
