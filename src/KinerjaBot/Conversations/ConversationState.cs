using KinerjaBot.Workflow;

namespace KinerjaBot.Conversations;

/// <summary>
/// One chat's place in the conversation, stored as JSON with every change, so a restarted bot continues
/// exactly where the official was.
/// </summary>
public sealed record ConversationState
{
    public static readonly ConversationState Idle = new();

    public ConversationMode Mode { get; init; } = ConversationMode.Idle;

    /// <summary>The submission or report the question is about.</summary>
    public long? InstanceId { get; init; }

    /// <summary>The instance version the pressed button carried (for a return reason).</summary>
    public int? Version { get; init; }

    public string? IndicatorCode { get; init; }

    /// <summary>A value waiting for confirmation.</summary>
    public decimal? PendingValue { get; init; }

    public string? PendingNote { get; init; }

    /// <summary>After this answer, show the summary again instead of the next indicator (an "Ubah").</summary>
    public bool BackToSummary { get; init; }

    public WorkflowTrigger? Trigger { get; init; }

    /// <summary>The unit a report return goes back to.</summary>
    public string? TargetUnitId { get; init; }

    /// <summary>The bot message whose buttons started this question; they are removed once it is answered.</summary>
    public long? SourceMessageId { get; init; }

    /// <summary>An earlier message of the same decision (the draft before a "ke mana?" choice); its buttons go too.</summary>
    public long? EarlierMessageId { get; init; }
}
