namespace KinerjaBot.Configuration;

/// <summary>Collects problems while both config files are read, so all of them are reported together.</summary>
internal sealed class ConfigurationProblems
{
    private readonly List<ConfigurationProblem> _problems = [];

    public bool Any => _problems.Count > 0;

    public IReadOnlyList<ConfigurationProblem> All => _problems;

    public void Add(string file, int line, string problem, string fix) =>
        _problems.Add(new ConfigurationProblem(file, line, problem, fix));
}
