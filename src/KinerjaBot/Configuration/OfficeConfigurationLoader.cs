using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KinerjaBot.Configuration;

/// <summary>
/// Reads <c>office.yaml</c>, <c>indicators.yaml</c> and (when there) the imported <c>targets.yaml</c> from the config directory and validates them together.
/// Either returns a configuration in which every reference resolves, or throws
/// <see cref="OfficeConfigurationException"/> listing every problem with file, line and fix.
/// </summary>
public static class OfficeConfigurationLoader
{
    public const string OfficeFileName = "office.yaml";
    public const string IndicatorsFileName = "indicators.yaml";

    public static OfficeConfiguration Load(string configDirectory)
    {
        var problems = new ConfigurationProblems();
        var officeFile = Path.Combine(configDirectory, OfficeFileName);
        var indicatorsFile = Path.Combine(configDirectory, IndicatorsFileName);

        var officeRoot = ReadRoot(officeFile, problems);
        var indicatorsRoot = ReadRoot(indicatorsFile, problems);

        OfficeYamlReader.Result? office = null;
        if (officeRoot is not null)
        {
            office = OfficeYamlReader.Read(officeRoot, configDirectory);
        }

        IReadOnlyList<Indicator>? indicators = null;
        if (indicatorsRoot is not null)
        {
            // Without a readable office.yaml the unit ids are unknown; don't flag every indicator's unit then.
            indicators = IndicatorsYamlReader.Read(indicatorsRoot, office?.UnitIds);
        }

        var targetsFile = Path.Combine(configDirectory, ImportedTargets.FileName);
        if (indicators is not null && File.Exists(targetsFile) && ReadRoot(targetsFile, problems) is { } targetsRoot)
        {
            indicators = ImportedTargets.Apply(targetsRoot, indicators);
        }

        if (office is not null && indicators is not null && officeRoot is not null)
        {
            foreach (var unit in office.Units.Where(u => indicators.All(i => i.UnitId != u.Id)))
            {
                problems.Add(officeFile, office.UnitLines[unit.Id], $"unit '{unit.Id}' has no indicators", $"add indicators with 'unit: {unit.Id}' to {indicatorsFile}, or remove the unit");
            }
        }

        if (problems.Any || office?.Configuration is null || indicators is null)
        {
            throw new OfficeConfigurationException(problems.All);
        }

        return office.Configuration(indicators);
    }

    private static YamlSection? ReadRoot(string file, ConfigurationProblems problems)
    {
        if (!File.Exists(file))
        {
            problems.Add(file, 0, "the file does not exist", $"create it (see the sample in the repository's config/ folder) or point KinerjaBot:ConfigDirectory at the folder that holds it (full path searched: {Path.GetFullPath(file)})");
            return null;
        }

        using var reader = File.OpenText(file);
        var parser = new Parser(reader);
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                problems.Add(file, 1, "the file is empty or is not a block of 'name: value' lines", "start from the sample file in the repository's config/ folder");
                return null;
            }

            return new YamlSection(file, root, problems);
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException)
        {
            // YamlDotNet reports some malformed input (e.g. an unclosed '[') as InvalidOperationException without a
            // position, and duplicate keys as ArgumentException; the parser's last event still says where it was.
            var line = e is YamlException yaml ? (int)yaml.Start.Line : (int)(parser.Current?.End.Line ?? 1);
            var reason = e is ArgumentException ? "a name appears twice in the same block" : FirstSentence(e.InnerException?.Message ?? e.Message);
            problems.Add(file, line, $"the YAML cannot be read ({reason})", "check the indentation (spaces, not tabs), the colons after names, closing brackets, and quotes around text containing ':' or '#'");
            return null;
        }
    }

    private static string FirstSentence(string message)
    {
        var text = message.ReplaceLineEndings(" ");
        var cut = text.IndexOf(". ", StringComparison.Ordinal);
        return (cut > 0 ? text[..cut] : text).TrimEnd('.');
    }
}
