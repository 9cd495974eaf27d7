using System.Text.Json.Serialization;

namespace KinerjaBot.Conversations;

/// <summary>
/// One chat's place in the conversation: one record type per mode, each carrying only what its question needs.
/// Stored as JSON with a stable type name under <c>"state"</c> (renaming a class never breaks stored chats), so a
/// restarted bot continues exactly where the official was. Stored states from before the typed records are read
/// by <see cref="ChatStateJson"/>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "state")]
[JsonDerivedType(typeof(IdleState), "idle")]
[JsonDerivedType(typeof(ChoosingReturnTarget), "choosing-return-target")]
[JsonDerivedType(typeof(AwaitingValueState), "awaiting-value")]
[JsonDerivedType(typeof(AwaitingConfirmationState), "awaiting-confirmation")]
[JsonDerivedType(typeof(AwaitingEvidenceState), "awaiting-evidence")]
[JsonDerivedType(typeof(AwaitingReasonState), "awaiting-reason")]
[JsonDerivedType(typeof(AwaitingPlausibilityNoteState), "awaiting-plausibility-note")]
[JsonDerivedType(typeof(AwaitingReportCheckState), "awaiting-report-check")]
[JsonDerivedType(typeof(ClosingReasonState), "closing-reason")]
[JsonDerivedType(typeof(ClosingConfirmationState), "closing-confirmation")]
[JsonDerivedType(typeof(ActingSetupState), "acting-setup")]
[JsonDerivedType(typeof(AwaitingRollupState), "awaiting-rollup")]
public abstract record ChatState
{
    /// <summary>The mode this state belongs to; derived from the type, never stored.</summary>
    [JsonIgnore]
    public abstract ConversationMode Mode { get; }
}
