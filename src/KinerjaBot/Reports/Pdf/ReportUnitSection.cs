namespace KinerjaBot.Reports.Pdf;

/// <summary>The indicators of one unit (seksi / bidang / subbagian), printed under a group-header row.</summary>
public sealed record ReportUnitSection
{
    public required string UnitName { get; init; }

    public required IReadOnlyList<ReportRow> Rows { get; init; }
}
