using System.Text.RegularExpressions;
using KinerjaBot.Domain;

namespace KinerjaBot.Configuration;

/// <summary>
/// Reads the format approval's settings (see <see cref="FormatApprovalSettings"/>). Kept out of
/// <see cref="OfficeYamlReader"/>: every key is optional, and without them /buka behaves as it always did.
/// </summary>
internal static partial class FormatApprovalYamlReader
{
    /// <summary>The keys this reader owns under <c>deadlines:</c>.</summary>
    public static readonly string[] DeadlineKeys = ["format_review", "format_paraf", "format_sign", "format_fix"];

    /// <summary>The keys this reader owns at the top of office.yaml.</summary>
    public static readonly string[] RootKeys = ["format_approval", "notification_letter"];

    public static FormatApprovalSettings Read(YamlSection root, string officeId)
    {
        var settings = FormatApprovalSettings.Off(officeId);
        var enabled = ReadSwitch(root);
        var letter = root.Find("notification_letter") is null ? null : root.RequiredSection("notification_letter", "office.yaml", "write 'notification_letter:' as a block with number, office_code and sifat lines");
        string? pattern = null;
        string? code = null;
        string? sifat = null;
        if (letter is not null)
        {
            letter.RejectUnknownKeys("notification_letter", "number", "office_code", "sifat");
            pattern = letter.OptionalString("number", "notification_letter", FormatApprovalSettings.DefaultLetterNumberPattern);
            code = letter.OptionalString("office_code", "notification_letter", "KEC-SKM");
            sifat = letter.OptionalString("sifat", "notification_letter", FormatApprovalSettings.DefaultSifat);
            if (pattern is not null && !pattern.Contains("{n}", StringComparison.Ordinal))
            {
                letter.Report(letter.Find("number"), $"letter number '{pattern}' has no '{{n}}' for the running number", $"write e.g. 'number: {FormatApprovalSettings.DefaultLetterNumberPattern}'");
            }

            foreach (Match unknown in Placeholder().Matches(pattern ?? string.Empty))
            {
                if (unknown.Value is not ("{n}" or "{office-code}" or "{year}"))
                {
                    letter.Report(letter.Find("number"), $"letter number '{pattern}' has the unknown placeholder '{unknown.Value}'", "use only {n} (the running number of the year), {office-code} and {year}");
                }
            }
        }

        var deadlines = root.Find("deadlines") is YamlDotNet.RepresentationModel.YamlMappingNode ? root.RequiredSection("deadlines", "office.yaml", string.Empty) : null;
        return settings with
        {
            Enabled = enabled,
            LetterNumberPattern = pattern ?? settings.LetterNumberPattern,
            OfficeCode = code ?? settings.OfficeCode,
            Sifat = sifat ?? settings.Sifat,
            Review = ReadDeadline(deadlines, "format_review") ?? settings.Review,
            Paraf = ReadDeadline(deadlines, "format_paraf") ?? settings.Paraf,
            Sign = ReadDeadline(deadlines, "format_sign") ?? settings.Sign,
            Fix = ReadDeadline(deadlines, "format_fix") ?? settings.Fix,
        };
    }

    // YAML 1.1 reads on/off as booleans, YamlDotNet's representation model hands us the text: accept the usual spellings.
    private static bool ReadSwitch(YamlSection root)
    {
        var value = root.OptionalString("format_approval", "office.yaml", "on")?.ToLowerInvariant();
        switch (value)
        {
            case null or "off" or "false" or "no":
                return false;
            case "on" or "true" or "yes":
                return true;
            default:
                root.Report(root.Find("format_approval"), $"format_approval '{value}' is not known", "write 'format_approval: on' (the format is corrected, initialled and signed before the unit heads are asked) or 'format_approval: off'");
                return false;
        }
    }

    private static DeadlineDuration? ReadDeadline(YamlSection? deadlines, string key)
    {
        var text = deadlines?.OptionalString(key, "deadlines", "1d");
        if (text is null)
        {
            return null;
        }

        if (DeadlineDuration.TryParse(text, out var duration))
        {
            return duration;
        }

        deadlines!.Report(deadlines.Find(key), $"deadline '{key}: {text}' is not a duration", DeadlineDuration.Help);
        return null;
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Placeholder();
}
