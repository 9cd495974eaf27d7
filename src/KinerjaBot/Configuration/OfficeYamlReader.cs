using System.Globalization;
using System.Text.RegularExpressions;
using KinerjaBot.Domain;
using YamlDotNet.RepresentationModel;

namespace KinerjaBot.Configuration;

/// <summary>Reads and checks <c>office.yaml</c>: office, officials, roles, units, chain, deadlines, holidays.</summary>
internal static partial class OfficeYamlReader
{
    /// <summary>Unit ids and indicator codes ride in button data (≤ 64 bytes), so they are kept short.</summary>
    public const int MaxIdLength = 20;

    private static readonly string[] RoleNames = ["head", "secretary", "planning"];

    public sealed record Result(
        IReadOnlyList<Unit> Units,
        IReadOnlyDictionary<string, int> UnitLines,
        Func<IReadOnlyList<Indicator>, OfficeConfiguration>? Configuration)
    {
        public IReadOnlySet<string> UnitIds => Units.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
    }

    public static Result Read(YamlSection root, string configDirectory)
    {
        var problems = root.Problems;
        var before = problems.All.Count;
        root.RejectUnknownKeys("office.yaml", ["office", "officials", "roles", "units", "chain", "deadlines", "holidays", "working_days", "working_hours", "reminders", "rebind", "acting", "capaian_cap", .. FormatApprovalYamlReader.RootKeys]);

        var office = ReadOffice(root, configDirectory);
        var officials = ReadOfficials(root);
        var officialIds = officials.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var roles = ReadRoles(root, officialIds);
        var (units, unitLines) = ReadUnits(root, officialIds);
        var chain = ReadChain(root, officialIds, roles);
        var deadlines = ReadDeadlines(root);
        var holidays = ReadHolidays(root);
        var hours = OfficeTimeYamlReader.ReadHours(root);
        var reminders = OfficeTimeYamlReader.ReadReminders(root, officialIds, roles);
        var rebindAllowed = ReadRebind(root);
        var formatApproval = office is null ? null : FormatApprovalYamlReader.Read(root, office.Id);
        var acting = ActingYamlReader.Read(root, officialIds);
        var capaianCap = CapaianCapReader.Read(root);

        var clean = problems.All.Count == before && office is not null && roles is not null && deadlines is not null;
        return new Result(
            units,
            unitLines,
            clean ? indicators => new OfficeConfiguration(office!, officials, roles!, units, chain, deadlines!, holidays, indicators, hours, reminders) { RebindWithoutConfirmation = rebindAllowed, FormatApproval = formatApproval!, Acting = acting, CapaianCap = capaianCap } : null);
    }

    // 'confirm' (the default): a move to another Telegram account waits for an operator; 'allow': it happens at once.
    private static bool ReadRebind(YamlSection root)
    {
        var value = root.OptionalString("rebind", "office.yaml", "rebind: confirm");
        if (value is null or "confirm")
        {
            return false;
        }

        if (value == "allow")
        {
            return true;
        }

        root.Report(root.Find("rebind"), $"rebind '{value}' is not known", "write 'rebind: confirm' (an operator allows each move to another Telegram account) or 'rebind: allow'");
        return false;
    }

    private static OfficeInfo? ReadOffice(YamlSection root, string configDirectory)
    {
        var section = root.RequiredSection("office", "office.yaml", "add an 'office:' block with id, name, government, address, city and timezone");
        if (section is null)
        {
            return null;
        }

        section.RejectUnknownKeys("office", "id", "name", "government", "address", "city", "timezone", "logo");
        var id = ReadId(section, "id", "office", "kec-contoh");
        var name = section.RequiredString("name", "office", "Kecamatan Contoh");
        var government = section.RequiredString("government", "office", "Pemerintah Kabupaten Contoh");
        var address = section.RequiredString("address", "office", "Jl. Raya Contoh No. 1");
        var city = section.RequiredString("city", "office", "Contoh");
        var timeZoneId = section.RequiredString("timezone", "office", "Asia/Jakarta");
        TimeZoneInfo? timeZone = null;
        if (timeZoneId is not null)
        {
            try
            {
                timeZone = IndonesianTimeZones.Find(timeZoneId);
            }
            catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                section.Report(section.Find("timezone"), $"timezone '{timeZoneId}' is not known", "write Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)");
            }
        }

        var logo = section.OptionalString("logo", "office", "logo.png");
        string? logoPath = null;
        if (logo is not null)
        {
            logoPath = Path.GetFullPath(Path.Combine(configDirectory, logo));
            if (!File.Exists(logoPath))
            {
                section.Report(section.Find("logo"), $"logo file '{logo}' does not exist (looked for {logoPath})", "put the PNG or JPEG file in the config folder, fix the file name, or remove the 'logo:' line");
            }
            else if (!(logoPath.EndsWith(".png", StringComparison.OrdinalIgnoreCase) || logoPath.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase) || logoPath.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase)))
            {
                section.Report(section.Find("logo"), $"logo file '{logo}' is not a PNG or JPEG", "convert the logo to PNG and name it e.g. logo.png");
            }
        }

        return id is null || name is null || government is null || address is null || city is null || timeZone is null
            ? null
            : new OfficeInfo(id, name, government, address, city, timeZone, logoPath);
    }

    private static List<Official> ReadOfficials(YamlSection root)
    {
        var officials = new List<Official>();
        var nodes = root.RequiredList("officials", "office.yaml", "add an 'officials:' list; each item has id, name, position, rank, nip and phone");
        if (nodes is null)
        {
            return officials;
        }

        var seenIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var seenPhones = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (ItemSection(root, node, "official", "- id: kasi-contoh") is not { } item)
            {
                continue;
            }

            item.RejectUnknownKeys("official", "id", "name", "position", "rank", "nip", "phone", "salutation", "channel");
            var id = ReadId(item, "id", "official", "kasi-contoh");
            var what = id is null ? "official" : $"official '{id}'";
            var name = item.RequiredString("name", what, "Nama Lengkap, S.Sos.");
            var position = item.RequiredString("position", what, "Kepala Seksi Contoh");
            var rank = item.RequiredString("rank", what, "Penata (III/c)");
            var nip = item.RequiredString("nip", what, "\"196701011992091001\"");
            var phone = item.RequiredString("phone", what, "\"081234567890\"");
            var salutation = SalutationReader.Read(item, what);
            var channel = ReadChannel(item, what);

            if (nip is not null && !Nip.IsValid(nip))
            {
                item.Report(item.Find("nip"), $"{what} has NIP '{nip}', which is not 18 digits", Nip.Help);
            }

            string? normalizedPhone = null;
            if (phone is not null && !PhoneNumber.TryNormalize(phone, out normalizedPhone))
            {
                item.Report(item.Find("phone"), $"{what} has phone number '{phone}', which is not an Indonesian phone number", PhoneNumber.Help);
            }
            else if (normalizedPhone is not null && seenPhones.TryGetValue(normalizedPhone, out var owner))
            {
                item.Report(item.Find("phone"), $"{what} has the same phone number as official '{owner}'", "give each official their own number: registration matches people by phone number");
            }

            if (id is not null && !seenIds.TryAdd(id, item.Line))
            {
                item.Report(item.Find("id"), $"official id '{id}' is used twice (first on line {seenIds[id]})", "give every official a different id");
                continue;
            }

            if (id is not null && normalizedPhone is not null)
            {
                seenPhones.TryAdd(normalizedPhone, id);
            }

            if (id is not null && name is not null && position is not null && rank is not null && nip is not null && normalizedPhone is not null)
            {
                officials.Add(new Official(id, name, position, rank, nip, normalizedPhone, salutation) { Channel = channel });
            }
        }

        return officials;
    }

    private static ChatChannel? ReadChannel(YamlSection item, string what) =>
        item.OptionalString("channel", what, "whatsapp") switch
        {
            null => null,
            "telegram" => ChatChannel.Telegram,
            "whatsapp" => ChatChannel.WhatsApp,
            var other => Report(item, $"{what} has channel '{other}', which is not known", "write 'channel: telegram' or 'channel: whatsapp', or leave it out to reach the official where they registered last"),
        };

    private static ChatChannel? Report(YamlSection item, string problem, string fix)
    {
        item.Report(item.Find("channel"), problem, fix);
        return null;
    }

    private static OfficeRoles? ReadRoles(YamlSection root, IReadOnlySet<string> officialIds)
    {
        var section = root.RequiredSection("roles", "office.yaml", "add a 'roles:' block with head, secretary, planning and operators");
        if (section is null)
        {
            return null;
        }

        section.RejectUnknownKeys("roles", "head", "secretary", "planning", "operators");
        var head = ReadReference(section, "head", "roles", officialIds, "camat");
        var secretary = ReadReference(section, "secretary", "roles", officialIds, "sekcam");
        var planning = ReadReference(section, "planning", "roles", officialIds, "kasubbag-pk");
        var operators = new List<string>();
        var operatorNodes = section.RequiredList("operators", "roles", "write 'operators: [staf-pk]' with at least one official id");
        foreach (var node in operatorNodes ?? [])
        {
            var id = (node as YamlScalarNode)?.Value;
            if (id is null || !officialIds.Contains(id))
            {
                section.Report(node, $"operator '{id}' is not an official in the 'officials:' list", KnownIds(officialIds));
                continue;
            }

            operators.Add(id);
        }

        if (operatorNodes is { Count: 0 })
        {
            section.Report(section.Find("operators"), "roles has no operators", "write 'operators: [staf-pk]' with at least one official id");
        }

        return head is null || secretary is null || planning is null || operators.Count == 0
            ? null
            : new OfficeRoles(head, secretary, planning, operators);
    }

    private static (List<Unit> Units, Dictionary<string, int> Lines) ReadUnits(YamlSection root, IReadOnlySet<string> officialIds)
    {
        var units = new List<Unit>();
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var nodes = root.RequiredList("units", "office.yaml", "add a 'units:' list; each item has id, name, head and verifiers");
        foreach (var node in nodes ?? [])
        {
            if (ItemSection(root, node, "unit", "- id: trantib") is not { } item)
            {
                continue;
            }

            item.RejectUnknownKeys("unit", "id", "name", "head", "verifiers");
            var id = ReadId(item, "id", "unit", "trantib");
            var what = id is null ? "unit" : $"unit '{id}'";
            var name = item.RequiredString("name", what, "Seksi Ketentraman dan Ketertiban Umum");
            var head = ReadReference(item, "head", what, officialIds, "kasi-trantib");
            var verifiers = new List<string>();
            foreach (var verifierNode in item.RequiredList("verifiers", what, "write 'verifiers: [kasubbag-pk]' with one or more official ids, in checking order") ?? [])
            {
                var verifier = (verifierNode as YamlScalarNode)?.Value;
                if (verifier is null || !officialIds.Contains(verifier))
                {
                    item.Report(verifierNode, $"{what} has verifier '{verifier}', who is not in the 'officials:' list", KnownIds(officialIds));
                }
                else if (verifiers.Contains(verifier))
                {
                    item.Report(verifierNode, $"{what} lists verifier '{verifier}' twice", "list each verifier once");
                }
                else if (verifier == head)
                {
                    item.Report(verifierNode, $"{what} has its own head '{verifier}' as a verifier", "a unit's data must be checked by someone else: list another official");
                }
                else
                {
                    verifiers.Add(verifier);
                }
            }

            if (verifiers.Count == 0 && item.Find("verifiers") is YamlSequenceNode { Children.Count: 0 })
            {
                item.Report(item.Find("verifiers"), $"{what} has no verifiers", "write 'verifiers: [kasubbag-pk]' with one or more official ids");
            }

            if (id is not null && !lines.TryAdd(id, item.Line))
            {
                item.Report(item.Find("id"), $"unit id '{id}' is used twice (first on line {lines[id]})", "give every unit a different id");
                continue;
            }

            if (id is not null && name is not null && head is not null && verifiers.Count > 0)
            {
                units.Add(new Unit(id, name, head, verifiers));
            }
        }

        if (nodes is { Count: 0 })
        {
            root.Report(root.Find("units"), "office.yaml has no units", "add at least one unit with id, name, head and verifiers");
        }

        return (units, lines);
    }

    private static List<ChainStage> ReadChain(YamlSection root, IReadOnlySet<string> officialIds, OfficeRoles? roles)
    {
        var stages = new List<ChainStage>();
        var nodes = root.OptionalList("chain", "office.yaml", "write 'chain:' as a list of '- stage: validate' / 'by: planning' items");
        if (nodes is null)
        {
            // The SOP's usual chain: planning validates, the secretary initials, the head signs.
            if (roles is not null)
            {
                stages.Add(new ChainStage(ChainStageKind.Validate, roles.PlanningId));
                stages.Add(new ChainStage(ChainStageKind.Paraf, roles.SecretaryId));
                stages.Add(new ChainStage(ChainStageKind.Sign, roles.HeadId));
            }

            return stages;
        }

        foreach (var node in nodes)
        {
            if (ItemSection(root, node, "chain stage", "- stage: paraf") is not { } item)
            {
                continue;
            }

            item.RejectUnknownKeys("chain stage", "stage", "by");
            var kindText = item.RequiredString("stage", "chain stage", "paraf");
            ChainStageKind? kind = kindText switch
            {
                "validate" => ChainStageKind.Validate,
                "paraf" => ChainStageKind.Paraf,
                "sign" => ChainStageKind.Sign,
                _ => null,
            };
            if (kindText is not null && kind is null)
            {
                item.Report(item.Find("stage"), $"chain stage '{kindText}' is not a known stage", "write validate, paraf or sign");
            }

            var by = item.RequiredString("by", "chain stage", "secretary");
            string? officialId = null;
            if (by is not null)
            {
                officialId = by switch
                {
                    "head" => roles?.HeadId,
                    "secretary" => roles?.SecretaryId,
                    "planning" => roles?.PlanningId,
                    _ => officialIds.Contains(by) ? by : null,
                };
                if (officialId is null && !RoleNames.Contains(by))
                {
                    item.Report(item.Find("by"), $"chain stage 'by: {by}' is neither a role nor an official", $"write head, secretary, planning or an official id ({string.Join(", ", officialIds.Order())})");
                }
            }

            if (kind is not null && officialId is not null)
            {
                stages.Add(new ChainStage(kind.Value, officialId));
            }
        }

        var signs = stages.Count(s => s.Kind == ChainStageKind.Sign);
        if (nodes.Count == 0 || (stages.Count > 0 && (signs != 1 || stages[^1].Kind != ChainStageKind.Sign)))
        {
            root.Report(root.Find("chain"), "the chain must end with exactly one 'sign' stage", "list the stages in order and finish with '- stage: sign' / 'by: head'");
        }

        return stages;
    }

    private static StageDeadlines? ReadDeadlines(YamlSection root)
    {
        var section = root.RequiredSection("deadlines", "office.yaml", "add a 'deadlines:' block with fill, verify, validate, paraf and sign, e.g. 'fill: 3d'");
        if (section is null)
        {
            return null;
        }

        section.RejectUnknownKeys("deadlines", ["fill", "verify", "validate", "paraf", "sign", .. FormatApprovalYamlReader.DeadlineKeys]);
        DeadlineDuration? Read(string key)
        {
            var text = section.RequiredString(key, "deadlines", "1d");
            if (text is null)
            {
                return null;
            }

            if (DeadlineDuration.TryParse(text, out var duration))
            {
                return duration;
            }

            section.Report(section.Find(key), $"deadline '{key}: {text}' is not a duration", DeadlineDuration.Help);
            return null;
        }

        var fill = Read("fill");
        var verify = Read("verify");
        var validate = Read("validate");
        var paraf = Read("paraf");
        var sign = Read("sign");
        return fill is null || verify is null || validate is null || paraf is null || sign is null
            ? null
            : new StageDeadlines(fill.Value, verify.Value, validate.Value, paraf.Value, sign.Value);
    }

    private static HashSet<DateOnly> ReadHolidays(YamlSection root)
    {
        var holidays = new HashSet<DateOnly>();
        foreach (var node in root.OptionalList("holidays", "office.yaml", "write 'holidays:' as a list of dates like '- 2026-12-25'") ?? [])
        {
            var text = (node as YamlScalarNode)?.Value;
            if (text is null || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                root.Report(node, $"holiday '{text}' is not a date", "write the date as YYYY-MM-DD, e.g. 2026-12-25");
                continue;
            }

            holidays.Add(date);
        }

        return holidays;
    }

    internal static YamlSection? ItemSection(YamlSection parent, YamlNode node, string what, string example)
    {
        if (node is YamlMappingNode mapping)
        {
            return new YamlSection(parent.File, mapping, parent.Problems);
        }

        parent.Report(node, $"this {what} is not a block of 'name: value' lines", $"start each {what} with '{example}' and indent its other lines under it");
        return null;
    }

    internal static string? ReadId(YamlSection section, string key, string what, string example)
    {
        var id = section.RequiredString(key, what, example);
        if (id is not null && !IdPattern().IsMatch(id))
        {
            section.Report(section.Find(key), $"{what} id '{id}' may only contain lower-case letters, digits and '-'", $"write e.g. '{key}: {example}'");
            return null;
        }

        if (id is { Length: > MaxIdLength })
        {
            // Ids travel inside Telegram button data, which is limited to 64 bytes.
            section.Report(section.Find(key), $"{what} id '{id}' is longer than {MaxIdLength} characters", $"shorten it, e.g. '{key}: {example}'");
            return null;
        }

        return id;
    }

    private static string? ReadReference(YamlSection section, string key, string what, IReadOnlySet<string> officialIds, string example)
    {
        var id = section.RequiredString(key, what, example);
        if (id is not null && !officialIds.Contains(id))
        {
            section.Report(section.Find(key), $"{what} '{key}: {id}' is not an official in the 'officials:' list", KnownIds(officialIds));
            return null;
        }

        return id;
    }

    internal static string KnownIds(IReadOnlySet<string> officialIds) =>
        officialIds.Count == 0
            ? "add the official to the 'officials:' list first"
            : $"use one of the official ids: {string.Join(", ", officialIds.Order(StringComparer.Ordinal))}";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdPattern();
}
