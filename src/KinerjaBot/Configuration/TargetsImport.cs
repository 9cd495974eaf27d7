namespace KinerjaBot.Configuration;

/// <summary>
/// A Perjanjian Kinerja workbook read for one year: every problem by row and column (then nothing may be stored), or
/// the targets per indicator code and period id.
/// </summary>
public sealed record TargetsImport(IReadOnlyList<string> Problems, IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> Targets)
{
    public bool Succeeded => Problems.Count == 0;
}
