namespace KinerjaBot.Reports.Pdf;

/// <summary>One indicator of a period as numbers (not formatted), for exports that keep numbers as numbers.</summary>
public sealed record ReportRowData(string Code, string Name, string Measure, decimal? Target, decimal? Realisation, decimal? Achievement, string Remark);
