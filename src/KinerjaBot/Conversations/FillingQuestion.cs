namespace KinerjaBot.Conversations;

/// <summary>A filling question about one indicator of one unit submission.</summary>
public abstract record FillingQuestion(long InstanceId, string IndicatorCode, bool BackToSummary) : ChatState;
