namespace KinerjaBot.Reports.Pdf;

/// <summary>A lower period shown beside a semester or annual total: its id and its indicators as numbers.</summary>
public sealed record ReportPeriodData(string PeriodId, IReadOnlyList<ReportRowData> Rows);
