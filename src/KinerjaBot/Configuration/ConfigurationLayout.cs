namespace KinerjaBot.Configuration;

/// <summary>
/// How the config directory is laid out. One office (the default, unchanged): <c>office.yaml</c> and
/// <c>indicators.yaml</c> directly in it. Several offices: no <c>office.yaml</c> of its own, but one folder per office,
/// each holding that office's <c>office.yaml</c>, <c>indicators.yaml</c> (and <c>targets.yaml</c>, a logo, …).
/// </summary>
/// <remarks>
/// An <c>office.yaml</c> directly in the folder always means one office, whatever folders lie beside it, so an
/// existing deployment keeps reading exactly what it read before (decisions/0017).
/// </remarks>
public sealed record ConfigurationLayout(string ConfigDirectory, IReadOnlyList<string> OfficeFolders)
{
    /// <summary>Whether the folder holds several offices (office folders, no office.yaml of its own).</summary>
    public bool HasOfficeFolders => OfficeFolders.Count > 0;

    public static ConfigurationLayout Detect(string configDirectory)
    {
        if (File.Exists(Path.Combine(configDirectory, OfficeConfigurationLoader.OfficeFileName)) || !Directory.Exists(configDirectory))
        {
            return new ConfigurationLayout(configDirectory, []);
        }

        // Hidden folders (.git, editors' backups) are never offices.
        var folders = Directory.GetDirectories(configDirectory)
            .Where(d => !Path.GetFileName(d).StartsWith('.') && File.Exists(Path.Combine(d, OfficeConfigurationLoader.OfficeFileName)))
            .Order(StringComparer.Ordinal)
            .ToList();
        return new ConfigurationLayout(configDirectory, folders);
    }
}
