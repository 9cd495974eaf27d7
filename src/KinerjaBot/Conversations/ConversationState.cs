using KinerjaBot.Workflow;

namespace KinerjaBot.Conversations;

/// <summary>
/// The flat shape chat states were stored in before the typed <see cref="ChatState"/> records: still read once from
/// existing databases (see <see cref="ChatStateJson"/>) so an official mid-question when the bot is upgraded
/// resumes where they were, and still how the report chain hands over a return question until it returns results
/// of its own. Converted at once; nothing keeps one.
/// </summary>
public sealed record ConversationState
{
    public static readonly ConversationState Idle = new();

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

    public static implicit operator ChatState(ConversationState state) => state.ToTyped();

    public static implicit operator PendingReturn(ConversationState state) =>
        state.ToTyped() is AwaitingReasonState { Returns: [var only] }
            ? only
            : throw new InvalidOperationException("Only a complete return question can be asked for a reason.");

    /// <summary>The flat shape the report chain reads a return question in.</summary>
    public static ConversationState From(PendingReturn pending) => new()
    {
        Mode = ConversationMode.AwaitingReason,
        InstanceId = pending.InstanceId,
        Version = pending.Version,
        Trigger = pending.Trigger,
        TargetUnitId = pending.TargetUnitId,
        SourceMessageId = pending.SourceMessageId,
        EarlierMessageId = pending.EarlierMessageId,
    };

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
