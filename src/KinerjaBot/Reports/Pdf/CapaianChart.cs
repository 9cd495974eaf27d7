namespace KinerjaBot.Reports.Pdf;

/// <summary>
/// A small bar chart of one sasaran's capaian (%) per quarter against the target line (100 %): what a reader sees at a
/// glance before reading the table. A quarter without data has a null value and no bar.
/// </summary>
public sealed record CapaianChart(string Title, IReadOnlyList<string> Labels, IReadOnlyList<decimal?> Values);
