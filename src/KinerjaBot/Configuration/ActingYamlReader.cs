using System.Globalization;

namespace KinerjaBot.Configuration;

/// <summary>
/// Reads the optional <c>acting:</c> list of office.yaml (<c>- {for: camat, by: sekcam, kind: plh, from: 2026-12-01,
/// to: 2026-12-14}</c>) and checks each line: known officials, nobody acting for themselves, a range that ends on or
/// after it starts, no two ranges for the same absent official that overlap, and no stand-in who is away themselves then.
/// </summary>
internal static class ActingYamlReader
{
    private const string Example = "- {for: camat, by: sekcam, kind: plh, from: 2026-12-01, to: 2026-12-14}";

    public static IReadOnlyList<ActingAssignment> Read(YamlSection root, IReadOnlySet<string> officialIds)
    {
        var read = new List<(ActingAssignment Assignment, YamlSection Item)>();
        foreach (var node in root.OptionalList("acting", "office.yaml", $"write 'acting:' as a list of lines like '{Example}'") ?? [])
        {
            if (OfficeYamlReader.ItemSection(root, node, "acting line", Example) is not { } item)
            {
                continue;
            }

            item.RejectUnknownKeys("acting line", "for", "by", "kind", "from", "to");
            var forId = Reference(item, "for", officialIds);
            var byId = Reference(item, "by", officialIds);
            var kind = Kind(item);
            var from = Date(item, "from");
            var to = Date(item, "to");
            if (forId is null || byId is null || kind is null || from is null || to is null)
            {
                continue;
            }

            if (forId == byId)
            {
                item.Report(item.Find("by"), $"'{forId}' cannot act for themselves", "name another official in 'by:', the one who stands in while they are away");
                continue;
            }

            if (to < from)
            {
                item.Report(item.Find("to"), $"the range ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})", "write 'to:' on or after 'from:' (both days are included)");
                continue;
            }

            var assignment = new ActingAssignment(forId, byId, kind.Value, from.Value, to.Value, ActingAssignment.ConfigKey(forId, byId, kind.Value, from.Value, to.Value));
            if (read.FirstOrDefault(r => r.Assignment.ForId == forId && r.Assignment.Overlaps(assignment)) is { Item: { } earlier })
            {
                item.Report(item.Find("from"), $"'{forId}' already has a stand-in for part of this range (line {earlier.Line})", "make the ranges for the same official not overlap, or remove one line");
                continue;
            }

            if (read.FirstOrDefault(r => r.Assignment.Overlaps(assignment) && (r.Assignment.ForId == byId || r.Assignment.ById == forId)) is { Item: { } chained })
            {
                item.Report(item.Find("by"), $"'{byId}' or '{forId}' is away or standing in for someone else in part of this range (line {chained.Line})", "pick a stand-in who is present for the whole range; a stand-in of a stand-in is not supported");
                continue;
            }

            read.Add((assignment, item));
        }

        return read.Select(r => r.Assignment).ToList();
    }

    private static string? Reference(YamlSection item, string key, IReadOnlySet<string> officialIds)
    {
        var id = item.RequiredString(key, "acting line", key == "for" ? "camat" : "sekcam");
        if (id is not null && !officialIds.Contains(id))
        {
            item.Report(item.Find(key), $"acting line '{key}: {id}' is not an official in the 'officials:' list", OfficeYamlReader.KnownIds(officialIds));
            return null;
        }

        return id;
    }

    private static ActingKind? Kind(YamlSection item)
    {
        var text = item.RequiredString("kind", "acting line", "plh");
        switch (text?.ToLowerInvariant())
        {
            case null:
                return null;
            case "plh":
                return ActingKind.Plh;
            case "plt":
                return ActingKind.Plt;
            default:
                item.Report(item.Find("kind"), $"acting kind '{text}' is not known", "write 'kind: plh' (Pelaksana Harian, a short absence) or 'kind: plt' (Pelaksana Tugas)");
                return null;
        }
    }

    private static DateOnly? Date(YamlSection item, string key)
    {
        var text = item.RequiredString(key, "acting line", "2026-12-01");
        if (text is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            item.Report(item.Find(key), $"acting '{key}: {text}' is not a date", $"write the date as YYYY-MM-DD, e.g. '{key}: 2026-12-01'");
            return null;
        }

        return date;
    }
}
