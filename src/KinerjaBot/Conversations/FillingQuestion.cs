namespace KinerjaBot.Conversations;

/// <summary>A filling question about one indicator of one unit submission.</summary>
public abstract record FillingQuestion(long InstanceId, string IndicatorCode, bool BackToSummary) : ChatState
{
    /// <summary>
    /// When this question's buttons (Ya, benar / Ketik ulang, Lewati, Nanti) were sent, in UTC ticks; they carry it, so a
    /// button of an earlier question cannot answer this one. 0 for states stored before buttons carried it.
    /// </summary>
    public long AskedAt { get; init; }

    /// <summary>Whether a press on a button stamped <paramref name="stamp"/> answers this question (unstamped: older buttons).</summary>
    public bool IsAnsweredBy(string? stamp) => stamp is null || stamp == AskedAt.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
