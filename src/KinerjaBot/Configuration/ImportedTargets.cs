using System.Globalization;
using System.Text;
using KinerjaBot.Domain;
using YamlDotNet.RepresentationModel;

namespace KinerjaBot.Configuration;

/// <summary>
/// <c>targets.yaml</c> beside <c>indicators.yaml</c>: the targets taken from the Perjanjian Kinerja by
/// <c>targets import</c>. A target in it replaces (or adds) the one for the same indicator and period in
/// indicators.yaml, so the office keeps editing indicators.yaml by hand while the yearly import owns its figures.
/// </summary>
public static class ImportedTargets
{
    public const string FileName = "targets.yaml";

    /// <summary>Merges the file's targets into the indicators, reporting unknown codes and bad values with their line.</summary>
    internal static IReadOnlyList<Indicator> Apply(YamlSection root, IReadOnlyList<Indicator> indicators)
    {
        root.RejectUnknownKeys(FileName, "targets");
        if (root.Find("targets") is not YamlMappingNode entries)
        {
            root.Report(root.Find("targets"), "targets.yaml has no 'targets:' block", "run 'targets import' again, or delete targets.yaml");
            return indicators;
        }

        var byCode = indicators.ToDictionary(i => i.Code, StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in entries.Children)
        {
            var code = (keyNode as YamlScalarNode)?.Value;
            if (code is null || !byCode.TryGetValue(code, out var indicator))
            {
                root.Report(keyNode, $"targets.yaml has targets for '{code}', which is not an indicator code in indicators.yaml", "remove the line, or add the indicator to indicators.yaml");
                continue;
            }

            if (valueNode is not YamlMappingNode periods)
            {
                root.Report(valueNode, $"the targets of '{code}' are not a '{{ period: value }}' block", "write e.g. 'IKU-1: { 2026: 90, 2026-TW1: 60 }'");
                continue;
            }

            var targets = new Dictionary<string, decimal>(indicator.Targets, StringComparer.Ordinal);
            foreach (var (periodNode, targetNode) in periods.Children)
            {
                var id = (periodNode as YamlScalarNode)?.Value;
                var problem = !Period.TryParse(id, out var period) ? $"'{id}' is not a period id"
                    : targetNode is not YamlScalarNode scalar || !YamlSection.TryReadDecimal(scalar, out var target) ? $"the target of '{code}' for {period.Id} is not a number ≥ 0"
                    : ProblemWith(indicator, period, target);
                if (problem is not null)
                {
                    root.Report(targetNode, problem, "run 'targets import' again with the corrected workbook, or fix the value");
                    continue;
                }

                targets[period!.Id] = decimal.Parse(((YamlScalarNode)targetNode).Value!, CultureInfo.InvariantCulture);
            }

            byCode[code] = indicator with { Targets = targets };
        }

        return indicators.Select(i => byCode[i.Code]).ToList();
    }

    /// <summary>What is wrong with <paramref name="target"/> as the indicator's target for the period, or null.</summary>
    public static string? ProblemWith(Indicator indicator, Period period, decimal target)
    {
        if (!indicator.AskedIn.Contains(period.Kind))
        {
            return $"'{indicator.Code}' is not asked per {period.Kind.ToString().ToLowerInvariant()}, so it takes no target for {period.Id}";
        }

        if (target < 0)
        {
            return $"the target of '{indicator.Code}' for {period.Id} is negative ({target})";
        }

        if (indicator.Kind == IndicatorKind.Percent && target > 100)
        {
            return $"'{indicator.Code}' is a percent but its target for {period.Id} is {target}";
        }

        return indicator.Kind == IndicatorKind.Integer && target != decimal.Truncate(target)
            ? $"'{indicator.Code}' counts whole numbers but its target for {period.Id} is {target}"
            : null;
    }

    /// <summary>
    /// Writes the targets of <paramref name="year"/> into targets.yaml, keeping other years' lines, via a temporary file
    /// so a crash never leaves half a file that would stop the bot from starting.
    /// </summary>
    public static string Write(string configDirectory, int year, IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> imported, string source)
    {
        var path = Path.Combine(configDirectory, FileName);
        var merged = new SortedDictionary<string, SortedDictionary<string, decimal>>(StringComparer.Ordinal);
        foreach (var (code, periods) in ReadExisting(path))
        {
            foreach (var (id, value) in periods.Where(p => Period.Parse(p.Key).Year != year))
            {
                Entry(merged, code)[id] = value;
            }
        }

        foreach (var (code, periods) in imported)
        {
            foreach (var (id, value) in periods)
            {
                Entry(merged, code)[id] = value;
            }
        }

        var text = new StringBuilder()
            .AppendLine("# Targets from the Perjanjian Kinerja (year) and its Rencana Aksi (TW1–TW4), written by")
            .AppendLine($"# `targets import` (last: {year} from {Path.GetFileName(source)}). They replace the targets in indicators.yaml")
            .AppendLine("# for the same indicator and period. Import the corrected workbook again rather than editing by hand.")
            .AppendLine("targets:");
        foreach (var (code, periods) in merged)
        {
            var values = periods.OrderBy(p => Period.Parse(p.Key).Start).ThenByDescending(p => Period.Parse(p.Key).End)
                .Select(p => $"{p.Key}: {p.Value.ToString(CultureInfo.InvariantCulture)}");
            text.AppendLine($"  {code}: {{ {string.Join(", ", values)} }}");
        }

        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text.ToString());
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    private static SortedDictionary<string, decimal> Entry(SortedDictionary<string, SortedDictionary<string, decimal>> all, string code)
    {
        if (!all.TryGetValue(code, out var periods))
        {
            periods = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
            all[code] = periods;
        }

        return periods;
    }

    // The file was read and checked when the configuration loaded, so here it is only parsed.
    private static IEnumerable<(string Code, IReadOnlyDictionary<string, decimal> Periods)> ReadExisting(string path)
    {
        if (!File.Exists(path))
        {
            yield break;
        }

        var stream = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            stream.Load(reader);
        }

        if (stream.Documents.FirstOrDefault()?.RootNode is not YamlMappingNode root || !root.Children.TryGetValue(new YamlScalarNode("targets"), out var node) || node is not YamlMappingNode entries)
        {
            yield break;
        }

        foreach (var (key, value) in entries.Children)
        {
            if (key is YamlScalarNode { Value: { } code } && value is YamlMappingNode periods)
            {
                yield return (code, periods.Children
                    .Where(p => p.Key is YamlScalarNode { Value: { } } && p.Value is YamlScalarNode { Value: { } })
                    .ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => decimal.Parse(((YamlScalarNode)p.Value).Value!, CultureInfo.InvariantCulture), StringComparer.Ordinal));
            }
        }
    }
}
