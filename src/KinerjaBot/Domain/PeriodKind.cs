namespace KinerjaBot.Domain;

/// <summary>How long a reporting period lasts.</summary>
public enum PeriodKind
{
    Month,
    Quarter,
    Semester,
    Year,
}
