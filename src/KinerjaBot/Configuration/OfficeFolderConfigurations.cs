using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KinerjaBot.Configuration;

/// <summary>
/// Loads every office of a config directory with office folders, all before any of them starts: either every
/// office is usable and every office id is used once, or one <see cref="OfficeConfigurationException"/> lists every
/// problem of every office, each office's under a heading naming it.
/// </summary>
public static class OfficeFolderConfigurations
{
    public static IReadOnlyList<(string Folder, OfficeConfiguration Office)> Load(ConfigurationLayout layout)
    {
        var loaded = new List<(string Folder, OfficeConfiguration Office)>();
        var problems = new List<ConfigurationProblem>();
        var text = new List<string>();
        foreach (var folder in layout.OfficeFolders)
        {
            try
            {
                loaded.Add((folder, OfficeConfigurationLoader.Load(folder)));
            }
            catch (OfficeConfigurationException e)
            {
                problems.AddRange(e.Problems);
                text.Add($"The office in folder '{Path.GetFileName(folder)}' ({Path.GetFullPath(folder)}) has {Count(e.Problems.Count)}:");
                text.AddRange(e.Problems.Select(p => "  - " + p));
            }
        }

        var duplicates = DuplicateIds(loaded);
        if (duplicates.Count > 0)
        {
            problems.AddRange(duplicates);
            text.Add($"Office ids must differ between office folders ({Count(duplicates.Count)}):");
            text.AddRange(duplicates.Select(p => "  - " + p));
        }

        if (problems.Count > 0)
        {
            throw new OfficeConfigurationException(string.Join(Environment.NewLine, text), problems);
        }

        return loaded;
    }

    private static List<ConfigurationProblem> DuplicateIds(List<(string Folder, OfficeConfiguration Office)> loaded)
    {
        var problems = new List<ConfigurationProblem>();
        var first = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (folder, office) in loaded)
        {
            var file = Path.Combine(folder, OfficeConfigurationLoader.OfficeFileName);
            if (!first.TryAdd(office.Office.Id, file))
            {
                var earlier = first[office.Office.Id];
                problems.Add(new ConfigurationProblem(
                    file,
                    OfficeIdLine(file),
                    $"office id '{office.Office.Id}' is also the id of the office in {earlier} (line {OfficeIdLine(earlier)})",
                    "give every office its own id under 'office:' (it names the office's data folder and its settings Offices:<office-id>:…)"));
            }
        }

        return problems;
    }

    // The file has already been read without problems; this only finds where its office id stands.
    private static int OfficeIdLine(string file)
    {
        using var reader = File.OpenText(file);
        var stream = new YamlStream();
        try
        {
            stream.Load(reader);
        }
        catch (YamlException)
        {
            return 1;
        }

        return stream.Documents[0].RootNode is YamlMappingNode root
            && root.Children.TryGetValue(new YamlScalarNode("office"), out var office)
            && office is YamlMappingNode section
            && section.Children.TryGetValue(new YamlScalarNode("id"), out var id)
                ? (int)id.Start.Line
                : 1;
    }

    private static string Count(int problems) => problems == 1 ? "1 problem" : $"{problems} problems";
}
