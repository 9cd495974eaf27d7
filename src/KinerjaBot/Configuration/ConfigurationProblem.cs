namespace KinerjaBot.Configuration;

/// <summary>One thing wrong in a config file: where, what, and what to write instead.</summary>
public sealed record ConfigurationProblem(string File, int Line, string Problem, string Fix)
{
    public override string ToString() => $"{File}, line {Line}: {Problem}. Fix: {Fix}.";
}
