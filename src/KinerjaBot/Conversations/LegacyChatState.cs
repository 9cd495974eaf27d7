using KinerjaBot.Workflow;

namespace KinerjaBot.Conversations;

/// <summary>
/// The flat shape chat states were stored in before the typed <see cref="ChatState"/> records: still read once from
/// existing databases (see <see cref="ChatStateJson"/>) so an official mid-question when the bot is upgraded
/// resumes where they were. Converted at once on load; nothing else uses it.
/// </summary>
public sealed record LegacyChatState
{
    public ConversationMode Mode { get; init; } = ConversationMode.Idle;

    public long? InstanceId { get; init; }

    public int? Version { get; init; }

    public string? IndicatorCode { get; init; }

    public decimal? PendingValue { get; init; }

    public string? PendingNote { get; init; }

    public bool BackToSummary { get; init; }

    public WorkflowTrigger? Trigger { get; init; }

    public string? TargetUnitId { get; init; }

    public long? SourceMessageId { get; init; }

    public long? EarlierMessageId { get; init; }

    /// <summary>The typed state this flat one meant; an incomplete one (a field the mode needs is missing) is idle.</summary>
    public ChatState ToTyped() => (Mode, InstanceId, IndicatorCode) switch
    {
        (ConversationMode.AwaitingValue, { } id, { } code) => new AwaitingValueState(id, code, BackToSummary),
        (ConversationMode.AwaitingConfirmation, { } id, { } code) when PendingValue is { } value =>
            new AwaitingConfirmationState(id, code, BackToSummary, value, PendingNote),
        (ConversationMode.AwaitingEvidence, { } id, { } code) => new AwaitingEvidenceState(id, code, BackToSummary),
        (ConversationMode.AwaitingReason, { } id, _) when Version is { } version && Trigger is { } trigger =>
            new AwaitingReasonState([new PendingReturn(id, version, trigger, TargetUnitId, SourceMessageId, EarlierMessageId)]),
        (ConversationMode.Idle, { } id, _) => new ChoosingReturnTarget(id, SourceMessageId),
        _ => IdleState.Instance,
    };
}
