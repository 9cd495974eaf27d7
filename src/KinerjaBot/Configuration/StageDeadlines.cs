using KinerjaBot.Domain;

namespace KinerjaBot.Configuration;

/// <summary>Time allowed for each SOP step, fixed when an item reaches that step.</summary>
public sealed record StageDeadlines(
    DeadlineDuration Fill,
    DeadlineDuration Verify,
    DeadlineDuration Validate,
    DeadlineDuration Paraf,
    DeadlineDuration Sign)
{
    public DeadlineDuration For(ChainStageKind stage) => stage switch
    {
        ChainStageKind.Validate => Validate,
        ChainStageKind.Paraf => Paraf,
        _ => Sign,
    };
}
