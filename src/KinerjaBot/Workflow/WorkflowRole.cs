namespace KinerjaBot.Workflow;

/// <summary>A part in a workflow ("verifier 1", "paraf") and the official ids that may play it.</summary>
public sealed record WorkflowRole(string Key, string Title, IReadOnlySet<string> OfficialIds)
{
    /// <summary>The actor id the bot itself uses; official ids cannot start with '@', so none can pose as it.</summary>
    public const string SystemActorId = "@system";
}
