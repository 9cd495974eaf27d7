using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace KinerjaBot.Configuration;

/// <summary>
/// office.yaml <c>capaian_cap</c>: the most any one indicator's capaian counts for in the measurement report's sasaran
/// and tujuan averages (default 120, PermenPANRB 53/2014 practice), so one indicator far above target cannot hide
/// another far below it.
/// </summary>
internal static class CapaianCapReader
{
    public const decimal Default = 120m;

    public static decimal Read(YamlSection root)
    {
        if (root.Find("capaian_cap") is not { } node)
        {
            return Default;
        }

        if (node is YamlScalarNode scalar && YamlSection.TryReadDecimal(scalar, out var cap) && cap >= 100)
        {
            return cap;
        }

        root.Report(node, $"capaian_cap '{(node as YamlScalarNode)?.Value}' is not a percentage of at least 100", $"write e.g. 'capaian_cap: {Default.ToString(CultureInfo.InvariantCulture)}' (the most one indicator's capaian counts for in a sasaran's average)");
        return Default;
    }
}
