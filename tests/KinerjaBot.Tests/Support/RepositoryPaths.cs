namespace KinerjaBot.Tests.Support;

/// <summary>Finds files of the repository (the sample config, the README) from the test's bin folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string SampleConfig => Path.Combine(Root, "config");

    public static string Readme => Path.Combine(Root, "README.md");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KinerjaBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"KinerjaBot.sln not found above {AppContext.BaseDirectory}.");
    }
}
