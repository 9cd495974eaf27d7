namespace KinerjaBot.Tests.Support;

/// <summary>Tests that change the process's working directory run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WorkingDirectoryCollection
{
    public const string Name = "Changes the working directory";
}
