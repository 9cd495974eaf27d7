namespace KinerjaBot.Configuration;

/// <summary>
/// The office configuration cannot be used. The message lists every problem at once, so the operator
/// can fix the files in one go instead of restarting once per mistake.
/// </summary>
public sealed class OfficeConfigurationException : Exception
{
    public OfficeConfigurationException(IReadOnlyList<ConfigurationProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Problems already worded under headings of their own (several offices' folders).</summary>
    public OfficeConfigurationException(string message, IReadOnlyList<ConfigurationProblem> problems)
        : base(message)
    {
        Problems = problems;
    }

    public IReadOnlyList<ConfigurationProblem> Problems { get; }

    private static string Describe(IReadOnlyList<ConfigurationProblem> problems)
    {
        var heading = problems.Count == 1
            ? "The office configuration has 1 problem:"
            : $"The office configuration has {problems.Count} problems:";
        return heading + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p));
    }
}
