namespace KinerjaBot.Configuration;

/// <summary>
/// When the office works: the days of the week and the hours (local time). Deadlines count these days, and the
/// bot only sends reminders inside these hours.
/// </summary>
public sealed record OfficeHours(IReadOnlySet<DayOfWeek> Days, TimeOnly Start, TimeOnly End)
{
    /// <summary>Monday–Friday, 07.00–17.00: the usual hours of an Indonesian local-government office.</summary>
    public static OfficeHours Default { get; } = new(
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday },
        new TimeOnly(7, 0),
        new TimeOnly(17, 0));
}
