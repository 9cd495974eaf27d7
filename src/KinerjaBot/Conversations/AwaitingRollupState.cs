namespace KinerjaBot.Conversations;

/// <summary>
/// A value computed from the lower periods, shown with how it was computed; the unit head takes it with the button or
/// types a correction with its reason. The computed value is kept here, so a press saves exactly what was shown; a
/// correction that looked implausible waits in <see cref="PendingValue"/> / <see cref="PendingNote"/> for "Ya, benar".
/// </summary>
public sealed record AwaitingRollupState(long InstanceId, string IndicatorCode, bool BackToSummary, decimal ComputedValue, string Explanation, decimal? PendingValue = null, string? PendingNote = null)
    : FillingQuestion(InstanceId, IndicatorCode, BackToSummary)
{
    /// <summary>
    /// The stamp of this question's "Benar: …", set when it is asked and kept while a correction waits for "Ya, benar"
    /// (which moves <see cref="FillingQuestion.AskedAt"/> on); 0 for states stored before "Benar" carried it.
    /// </summary>
    public long ComputedAskedAt { get; init; }

    /// <summary>Whether "Benar" stamped <paramref name="stamp"/> (null: a bare one from before stamps) confirms this question's computed value.</summary>
    public bool IsComputedAnsweredBy(string? stamp) =>
        stamp is null ? ComputedAskedAt == 0 : stamp == ComputedAskedAt.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public override ConversationMode Mode => ConversationMode.AwaitingRollupConfirmation;
}
