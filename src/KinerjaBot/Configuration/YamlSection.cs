using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace KinerjaBot.Configuration;

/// <summary>
/// A YAML mapping read field by field. Every failed read records a problem with file and line
/// and returns null, so the loader keeps going and reports everything it finds.
/// </summary>
internal sealed class YamlSection(string file, YamlMappingNode node, ConfigurationProblems problems)
{
    public string File => file;

    public int Line => (int)node.Start.Line;

    public ConfigurationProblems Problems => problems;

    /// <summary>Every key of the block with its value, in file order (for blocks whose keys are ids).</summary>
    public IEnumerable<(YamlNode Key, YamlNode Value)> Entries => node.Children.Select(pair => (pair.Key, pair.Value));

    public YamlNode? Find(string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public int LineOf(string key) => (int)(Find(key)?.Start.Line ?? node.Start.Line);

    public void Report(YamlNode? at, string problem, string fix) =>
        problems.Add(file, (int)(at?.Start.Line ?? node.Start.Line), problem, fix);

    /// <summary>Flags misspelt keys, which would otherwise be ignored silently.</summary>
    public void RejectUnknownKeys(string what, params string[] known)
    {
        foreach (var key in node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "?";
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                problems.Add(file, (int)key.Start.Line, $"{what} has an unknown key '{name}'", $"use only {string.Join(", ", known)}");
            }
        }
    }

    public string? RequiredString(string key, string what, string example)
    {
        var value = Find(key);
        if (value is null)
        {
            Report(null, $"{what} is missing '{key}'", $"add a line '{key}: {example}'");
            return null;
        }

        if (value is not YamlScalarNode { Value: { } text } || string.IsNullOrWhiteSpace(text))
        {
            Report(value, $"{what} '{key}' must be a single line of text", $"write '{key}: {example}'");
            return null;
        }

        return text.Trim();
    }

    public string? OptionalString(string key, string what, string example)
    {
        var value = Find(key);
        if (value is null || value is YamlScalarNode { Value: null or "" })
        {
            return null;
        }

        return RequiredString(key, what, example);
    }

    public YamlSection? RequiredSection(string key, string what, string example)
    {
        var value = Find(key);
        if (value is YamlMappingNode mapping)
        {
            return new YamlSection(file, mapping, problems);
        }

        Report(value, value is null ? $"{what} is missing '{key}'" : $"'{key}' must be a block of 'name: value' lines", example);
        return null;
    }

    public IReadOnlyList<YamlNode>? RequiredList(string key, string what, string example)
    {
        var value = Find(key);
        if (value is YamlSequenceNode sequence)
        {
            return sequence.Children.ToList();
        }

        Report(value, value is null ? $"{what} is missing '{key}'" : $"'{key}' must be a list", example);
        return null;
    }

    public IReadOnlyList<YamlNode>? OptionalList(string key, string what, string example) =>
        Find(key) is null ? null : RequiredList(key, what, example);

    public static bool TryReadDecimal(YamlScalarNode scalar, out decimal value) =>
        decimal.TryParse(scalar.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
}
