using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace KinerjaBot.Configuration;

/// <summary>
/// Reads the optional office-time keys of <c>office.yaml</c>: <c>working_days</c>, <c>working_hours</c> and the
/// <c>reminders:</c> block (weekly digest, escalation). Every key has a default, so an office that writes none of
/// them gets Monday–Friday, 07.00–17.00, a Monday 08.00 digest and the SOP's escalation line.
/// </summary>
internal static class OfficeTimeYamlReader
{
    private const string DayHelp = "write working_days as a list of day names, e.g. [mon, tue, wed, thu, fri] or [senin, selasa, rabu, kamis, jumat]";
    private const string HoursHelp = "write working_hours as start-end in 24-hour time, e.g. 07:00-17:00 (or 07.30-16.00)";
    private const string DigestHelp = "write weekly_digest as a day and a time, e.g. 'monday 08:00' or 'senin 08.00', or 'off' for no digest";

    private static readonly Dictionary<string, DayOfWeek> DayNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mon"] = DayOfWeek.Monday, ["monday"] = DayOfWeek.Monday, ["senin"] = DayOfWeek.Monday,
        ["tue"] = DayOfWeek.Tuesday, ["tuesday"] = DayOfWeek.Tuesday, ["selasa"] = DayOfWeek.Tuesday,
        ["wed"] = DayOfWeek.Wednesday, ["wednesday"] = DayOfWeek.Wednesday, ["rabu"] = DayOfWeek.Wednesday,
        ["thu"] = DayOfWeek.Thursday, ["thursday"] = DayOfWeek.Thursday, ["kamis"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday, ["friday"] = DayOfWeek.Friday, ["jumat"] = DayOfWeek.Friday, ["jum'at"] = DayOfWeek.Friday,
        ["sat"] = DayOfWeek.Saturday, ["saturday"] = DayOfWeek.Saturday, ["sabtu"] = DayOfWeek.Saturday,
        ["sun"] = DayOfWeek.Sunday, ["sunday"] = DayOfWeek.Sunday, ["minggu"] = DayOfWeek.Sunday, ["ahad"] = DayOfWeek.Sunday,
    };

    private static readonly string[] EscalationRoleKeys = ["unit-heads", "planning", "secretary", "head"];

    public static OfficeHours ReadHours(YamlSection root)
    {
        var days = OfficeHours.Default.Days;
        var dayNodes = root.OptionalList("working_days", "office.yaml", DayHelp);
        if (dayNodes is not null)
        {
            var read = new HashSet<DayOfWeek>();
            foreach (var node in dayNodes)
            {
                var text = (node as YamlScalarNode)?.Value?.Trim();
                if (text is null || !DayNames.TryGetValue(text, out var day))
                {
                    root.Report(node, $"working day '{text}' is not a day of the week", DayHelp);
                    continue;
                }

                read.Add(day);
            }

            if (dayNodes.Count == 0)
            {
                root.Report(root.Find("working_days"), "working_days is empty", DayHelp);
            }

            if (read.Count > 0)
            {
                days = read;
            }
        }

        var (start, end) = (OfficeHours.Default.Start, OfficeHours.Default.End);
        if (root.OptionalString("working_hours", "office.yaml", "07:00-17:00") is { } hours)
        {
            var parts = hours.Split('-', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !TryParseTime(parts[0], out var from) || !TryParseTime(parts[1], out var to))
            {
                root.Report(root.Find("working_hours"), $"working_hours '{hours}' is not a time range", HoursHelp);
            }
            else if (to <= from)
            {
                root.Report(root.Find("working_hours"), $"working_hours '{hours}' ends before it starts", "write the start first and the end second, both on the same day, e.g. 07:00-17:00");
            }
            else
            {
                (start, end) = (from, to);
            }
        }

        return new OfficeHours(days, start, end);
    }

    public static ReminderSettings? ReadReminders(YamlSection root, IReadOnlySet<string> officialIds, OfficeRoles? roles)
    {
        if (roles is null)
        {
            return null;
        }

        var defaults = ReminderSettings.Default(roles);
        if (root.Find("reminders") is null)
        {
            return defaults;
        }

        var section = root.RequiredSection("reminders", "office.yaml", "write 'reminders:' as a block with weekly_digest and escalation, or remove it to use the defaults");
        if (section is null)
        {
            return defaults;
        }

        section.RejectUnknownKeys("reminders", "weekly_digest", "escalation");
        var (digestDay, digestTime) = (defaults.WeeklyDigestDay, defaults.WeeklyDigestTime);
        if (section.OptionalString("weekly_digest", "reminders", "monday 08:00") is { } digest)
        {
            var parts = digest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts is ["off"] or ["none"] or ["tidak"])
            {
                digestDay = null;
            }
            else if (parts.Length == 2 && DayNames.TryGetValue(parts[0], out var day) && TryParseTime(parts[1], out var time))
            {
                (digestDay, digestTime) = (day, time);
            }
            else
            {
                section.Report(section.Find("weekly_digest"), $"weekly_digest '{digest}' is not a day and a time", DigestHelp);
            }
        }

        return new ReminderSettings(digestDay, digestTime, ReadEscalation(section, officialIds, roles, defaults.Escalation));
    }

    private static EscalationRules ReadEscalation(YamlSection reminders, IReadOnlySet<string> officialIds, OfficeRoles roles, EscalationRules defaults)
    {
        if (reminders.Find("escalation") is null)
        {
            return defaults;
        }

        var section = reminders.RequiredSection("escalation", "reminders", "write 'escalation:' as lines like 'unit-heads: planning'");
        if (section is null)
        {
            return defaults;
        }

        var rules = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["unit-heads"] = defaults.ForUnitHeads,
            ["planning"] = defaults.ForPlanning,
            ["secretary"] = defaults.ForSecretary,
            ["head"] = defaults.ForHead,
        };
        var overrides = new Dictionary<string, string?>(StringComparer.Ordinal);
        var valueHelp = $"write head, secretary, planning, an official id ({string.Join(", ", officialIds.Order(StringComparer.Ordinal))}) or none";
        foreach (var (keyNode, valueNode) in section.Entries)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "?";
            var isRole = EscalationRoleKeys.Contains(key, StringComparer.Ordinal);
            if (!isRole && !officialIds.Contains(key))
            {
                section.Report(keyNode, $"escalation has an unknown key '{key}'", $"use unit-heads, planning, secretary, head or an official id ({string.Join(", ", officialIds.Order(StringComparer.Ordinal))})");
                continue;
            }

            var value = (valueNode as YamlScalarNode)?.Value?.Trim();
            string? superior;
            if (value is "none" or "off")
            {
                superior = null;
            }
            else
            {
                superior = value switch
                {
                    "head" => roles.HeadId,
                    "secretary" => roles.SecretaryId,
                    "planning" => roles.PlanningId,
                    { } id when officialIds.Contains(id) => id,
                    _ => null,
                };
                if (superior is null)
                {
                    section.Report(valueNode, $"escalation '{key}: {value}' is neither a role nor an official", valueHelp);
                    continue;
                }
            }

            var self = key switch
            {
                "planning" => roles.PlanningId,
                "secretary" => roles.SecretaryId,
                "head" => roles.HeadId,
                "unit-heads" => null,
                _ => key,
            };
            if (superior is not null && superior == self)
            {
                section.Report(valueNode, $"escalation '{key}: {value}' makes '{superior}' their own superior", "name someone above them, or write none");
                continue;
            }

            if (isRole)
            {
                rules[key] = superior;
            }
            else
            {
                overrides[key] = superior;
            }
        }

        return new EscalationRules(rules["unit-heads"], rules["planning"], rules["secretary"], rules["head"], overrides);
    }

    private static bool TryParseTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text.Replace('.', ':'), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
