using System.Diagnostics.CodeAnalysis;

namespace KinerjaBot.Domain;

/// <summary>
/// Indonesian mobile numbers as people write them: <c>0812…</c>, <c>+62812…</c>, <c>62812…</c>, with spaces or dashes.
/// All normalise to the international digits form <c>62812…</c>, which is what Telegram's contact sharing reports.
/// </summary>
public static class PhoneNumber
{
    public const string Help = "write an Indonesian mobile number such as 081234567890, +6281234567890 or 6281234567890";

    public static bool TryNormalize([NotNullWhen(true)] string? text, [NotNullWhen(true)] out string? normalized)
    {
        normalized = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var digits = new System.Text.StringBuilder(text.Length);
        foreach (var (c, i) in text.Trim().Select((c, i) => (c, i)))
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c == '+' && i == 0)
            {
                continue;
            }
            // Any whitespace, not just ' ': numbers copied from documents or spreadsheets often carry no-break spaces.
            else if (!char.IsWhiteSpace(c) && c is not ('-' or '.' or '(' or ')'))
            {
                return false;
            }
        }

        var raw = digits.ToString();
        string international;
        if (raw.StartsWith("62", StringComparison.Ordinal))
        {
            international = raw;
        }
        else if (raw.StartsWith('0'))
        {
            international = "62" + raw[1..];
        }
        else
        {
            return false;
        }

        // 62 + 8…13 national digits covers Indonesian mobile and landline numbers.
        if (international.Length is < 10 or > 15 || international[2] == '0')
        {
            return false;
        }

        normalized = international;
        return true;
    }
}
