using KinerjaBot.Domain;
using YamlDotNet.RepresentationModel;

namespace KinerjaBot.Configuration;

/// <summary>Reads and checks <c>indicators.yaml</c>.</summary>
internal static class IndicatorsYamlReader
{
    private static readonly Dictionary<string, PeriodKind> AskedInWords = new(StringComparer.Ordinal)
    {
        ["month"] = PeriodKind.Month,
        ["quarter"] = PeriodKind.Quarter,
        ["semester"] = PeriodKind.Semester,
        ["year"] = PeriodKind.Year,
    };

    private static readonly Dictionary<string, IndicatorKind> KindWords = new(StringComparer.Ordinal)
    {
        ["percent"] = IndicatorKind.Percent,
        ["number"] = IndicatorKind.Number,
        ["integer"] = IndicatorKind.Integer,
    };

    private static readonly Dictionary<string, Polarity> PolarityWords = new(StringComparer.Ordinal)
    {
        ["higher"] = Polarity.Higher,
        ["lower"] = Polarity.Lower,
    };

    private static readonly Dictionary<string, EvidenceRule> EvidenceWords = new(StringComparer.Ordinal)
    {
        ["none"] = EvidenceRule.None,
        ["optional"] = EvidenceRule.Optional,
        ["required"] = EvidenceRule.Required,
    };

    public static IReadOnlyList<Indicator> Read(YamlSection root, IReadOnlySet<string>? unitIds)
    {
        var indicators = new List<Indicator>();
        root.RejectUnknownKeys("indicators.yaml", "indicators");
        var nodes = root.RequiredList("indicators", "indicators.yaml", "add an 'indicators:' list; each item has code, unit, name, measure, kind, polarity, evidence and targets");
        var seenCodes = new Dictionary<string, int>(StringComparer.Ordinal);
        var structure = new IndicatorStructureReader();
        foreach (var node in nodes ?? [])
        {
            if (OfficeYamlReader.ItemSection(root, node, "indicator", "- code: IKU-1") is not { } item)
            {
                continue;
            }

            item.RejectUnknownKeys("indicator", "code", "unit", "name", "measure", "kind", "polarity", "evidence", "asked_in", "targets", "rollup", "plan", "tujuan", "sasaran", "program", "kegiatan");
            var code = item.RequiredString("code", "indicator", "IKU-1");
            if (code is { Length: > OfficeYamlReader.MaxIdLength } || code?.Any(c => !char.IsAscii(c) || char.IsWhiteSpace(c) || c == ':') == true)
            {
                // Codes ride in button data (≤ 64 bytes, ':'-separated), so they stay short, plain ASCII and colon-free.
                item.Report(item.Find("code"), $"indicator code '{code}' must be at most {OfficeYamlReader.MaxIdLength} plain characters (A–Z, 0–9, '.', '-') without spaces or ':'", "write a short code such as IKU-1 or IK-2.3");
                code = null;
            }

            var what = code is null ? "indicator" : $"indicator '{code}'";
            var unit = item.RequiredString("unit", what, "trantib");
            if (unit is not null && unitIds is not null && !unitIds.Contains(unit))
            {
                item.Report(item.Find("unit"), $"{what} has unit '{unit}', which is not in office.yaml", unitIds.Count == 0 ? "add the unit to office.yaml first" : $"use one of the unit ids: {string.Join(", ", unitIds.Order(StringComparer.Ordinal))}");
                unit = null;
            }

            var name = item.RequiredString("name", what, "Persentase penegakan Perda");
            var measure = item.RequiredString("measure", what, "\"%\"");
            var kind = ReadWord(item, "kind", what, KindWords);
            var polarity = ReadWord(item, "polarity", what, PolarityWords);
            var evidence = ReadWord(item, "evidence", what, EvidenceWords);
            var askedIn = ReadAskedIn(item, what);
            var rollup = IndicatorRollupReader.Read(item, what, kind);
            var targets = ReadTargets(item, what, kind, askedIn, rollup);
            var place = structure.Read(item, what);

            if (code is not null && !seenCodes.TryAdd(code, item.Line))
            {
                item.Report(item.Find("code"), $"indicator code '{code}' is used twice (first on line {seenCodes[code]})", "give every indicator a different code");
                continue;
            }

            if (code is not null && unit is not null && name is not null && measure is not null && kind is not null
                && polarity is not null && evidence is not null && askedIn is not null && targets is not null)
            {
                indicators.Add(new Indicator(code, unit, name, measure, kind.Value, polarity.Value, evidence.Value, askedIn, targets) { Rollup = rollup, Structure = place });
            }
        }

        return indicators;
    }

    private static T? ReadWord<T>(YamlSection item, string key, string what, Dictionary<string, T> words)
        where T : struct
    {
        var text = item.RequiredString(key, what, words.Keys.First());
        if (text is null)
        {
            return null;
        }

        if (words.TryGetValue(text, out var value))
        {
            return value;
        }

        item.Report(item.Find(key), $"{what} has {key} '{text}', which is not a known word", $"write one of: {string.Join(", ", words.Keys)}");
        return null;
    }

    private static HashSet<PeriodKind>? ReadAskedIn(YamlSection item, string what)
    {
        var nodes = item.OptionalList("asked_in", what, "write e.g. 'asked_in: [quarter, year]'");
        if (item.Find("asked_in") is null)
        {
            return [PeriodKind.Quarter, PeriodKind.Year];
        }

        if (nodes is null)
        {
            return null;
        }

        var kinds = new HashSet<PeriodKind>();
        foreach (var node in nodes)
        {
            var word = (node as YamlScalarNode)?.Value;
            if (word is null || !AskedInWords.TryGetValue(word, out var kind))
            {
                item.Report(node, $"{what} has asked_in '{word}', which is not a known period kind", "write month, quarter, semester or year");
                return null;
            }

            kinds.Add(kind);
        }

        if (kinds.Count == 0)
        {
            item.Report(item.Find("asked_in"), $"{what} has an empty asked_in list", "write e.g. 'asked_in: [quarter, year]'");
            return null;
        }

        return kinds;
    }

    private static Dictionary<string, decimal>? ReadTargets(YamlSection item, string what, IndicatorKind? kind, IReadOnlySet<PeriodKind>? askedIn, RollupRule rollup)
    {
        if (item.RequiredSection("targets", what, "write e.g. 'targets: { 2026-TW1: 20, 2026-TW2: 45, 2026-TW3: 70, 2026-TW4: 100, 2026: 100 }'") is not { } section)
        {
            return null;
        }

        var targetsNode = (YamlMappingNode)item.Find("targets")!;
        var targets = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var periods = new List<Period>();
        var clean = true;
        foreach (var (keyNode, valueNode) in targetsNode.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            if (!Period.TryParse(key, out var period))
            {
                section.Report(keyNode, $"{what} has a target for '{key}', which is not a period id", "use 2026-01…2026-12, 2026-TW1…2026-TW4, 2026-S1, 2026-S2 or 2026");
                clean = false;
                continue;
            }

            if (valueNode is not YamlScalarNode scalar || !YamlSection.TryReadDecimal(scalar, out var target))
            {
                section.Report(valueNode, $"{what} has target '{(valueNode as YamlScalarNode)?.Value}' for {period.Id}, which is not a number ≥ 0", $"write a plain number with a dot for decimals, e.g. '{period.Id}: 72.5'");
                clean = false;
                continue;
            }

            if (kind == IndicatorKind.Percent && target > 100)
            {
                section.Report(valueNode, $"{what} is a percent but its target for {period.Id} is {target}", "write a target between 0 and 100, or change 'kind' to number");
                clean = false;
            }
            else if (kind == IndicatorKind.Integer && target != decimal.Truncate(target))
            {
                section.Report(valueNode, $"{what} counts whole numbers but its target for {period.Id} is {target}", "write a whole number, or change 'kind' to number");
                clean = false;
            }

            if (askedIn is not null && !askedIn.Contains(period.Kind))
            {
                section.Report(keyNode, $"{what} has a target for {period.Id} but is not asked per {Describe(period.Kind)}", $"add {Describe(period.Kind)} to 'asked_in', or remove this target");
                clean = false;
            }

            targets[period.Id] = target;
            periods.Add(period);
        }

        // The Rencana Aksi's quarter targets count as written ones, so the check below sees them.
        clean &= IndicatorPlanReader.Apply(item, what, kind, rollup, askedIn, targets, periods);

        if (askedIn is not null)
        {
            foreach (var year in periods.Select(p => p.Year).Distinct())
            {
                var missing = askedIn.SelectMany(k => PeriodsOf(year, k)).Where(p => !targets.ContainsKey(p.Id)).Select(p => p.Id).ToList();
                if (missing.Count > 0)
                {
                    section.Report(targetsNode, $"{what} is asked per {string.Join(" and ", askedIn.Order().Select(Describe))} but has no target for {string.Join(", ", missing)}", $"add a target for each of {string.Join(", ", missing)}, or change 'asked_in'");
                    clean = false;
                }
            }
        }

        if (targets.Count == 0)
        {
            section.Report(targetsNode, $"{what} has no targets", "write e.g. 'targets: { 2026-TW1: 20, 2026-TW2: 45, 2026-TW3: 70, 2026-TW4: 100, 2026: 100 }'");
            clean = false;
        }

        return clean ? targets : null;
    }

    private static IEnumerable<Period> PeriodsOf(int year, PeriodKind kind) => kind switch
    {
        PeriodKind.Month => Enumerable.Range(1, 12).Select(m => Period.Month(year, m)),
        PeriodKind.Quarter => Enumerable.Range(1, 4).Select(q => Period.Quarter(year, q)),
        PeriodKind.Semester => Enumerable.Range(1, 2).Select(s => Period.Semester(year, s)),
        _ => [Period.OfYear(year)],
    };

    private static string Describe(PeriodKind kind) => kind switch
    {
        PeriodKind.Month => "month",
        PeriodKind.Quarter => "quarter",
        PeriodKind.Semester => "semester",
        _ => "year",
    };
}
