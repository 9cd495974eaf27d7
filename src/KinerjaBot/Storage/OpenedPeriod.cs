namespace KinerjaBot.Storage;

/// <summary>A period that has been opened for filling, and by whom.</summary>
public sealed record OpenedPeriod(string PeriodId, DateTimeOffset OpenedAt, string OpenedBy, DateTimeOffset FillDeadline);
