using KinerjaBot.Configuration;

namespace KinerjaBot.Tests.Support;

/// <summary>The fictional sample office from the repository's config/ folder.</summary>
public static class SampleOffice
{
    private static readonly Lazy<OfficeConfiguration> Loaded = new(() => OfficeConfigurationLoader.Load(RepositoryPaths.SampleConfig));

    public static OfficeConfiguration Configuration => Loaded.Value;

    /// <summary>Copies the sample config files into <paramref name="directory"/> so a test can break them.</summary>
    public static void CopyTo(string directory)
    {
        foreach (var file in Directory.GetFiles(RepositoryPaths.SampleConfig))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)), overwrite: true);
        }
    }
}
