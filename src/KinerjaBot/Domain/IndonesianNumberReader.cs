using System.Globalization;

namespace KinerjaBot.Domain;

/// <summary>
/// Reads one run of ASCII digits, dots and commas the Indonesian way (<c>72,5</c>, <c>1.234</c>, <c>1.234,5</c>);
/// the rules are listed on <see cref="IndicatorValueParser"/>. Signs, units and notes are handled by the caller.
/// </summary>
internal static class IndonesianNumberReader
{
    public static NumberReading Read(string text, IndicatorKind kind)
    {
        var notANumber = NumberReading.Fail(IndicatorValueProblem.NotANumber, IndicatorValueMessages.NotANumber(kind));
        if (text.Length == 0 || !text.All(c => char.IsAsciiDigit(c) || c is '.' or ','))
        {
            return notANumber;
        }

        if (!char.IsAsciiDigit(text[0]) || !char.IsAsciiDigit(text[^1]) || text.Contains("..", StringComparison.Ordinal)
            || text.Contains(".,", StringComparison.Ordinal) || text.Contains(",.", StringComparison.Ordinal) || text.Contains(",,", StringComparison.Ordinal))
        {
            return NumberReading.Fail(IndicatorValueProblem.NotANumber, "Angkanya belum lengkap. Mohon ketik angka dengan digit sebelum dan sesudah koma, misalnya 0,5 atau 12.");
        }

        var ambiguous = NumberReading.Fail(IndicatorValueProblem.AmbiguousSeparator, "Tanda titik dan koma kurang jelas. Mohon gunakan titik untuk ribuan dan koma untuk desimal, misalnya 1.234,5.");
        var commas = text.Count(c => c == ',');
        var dots = text.Count(c => c == '.');
        string whole;
        string fraction;
        if (commas > 1)
        {
            return NumberReading.Fail(IndicatorValueProblem.NotANumber, "Koma hanya digunakan satu kali, sebagai tanda desimal. Mohon ketik satu angka saja, misalnya 1.234,5.");
        }
        else if (commas == 1)
        {
            var comma = text.IndexOf(',', StringComparison.Ordinal);
            whole = text[..comma];
            fraction = text[(comma + 1)..];
            if (fraction.Contains('.', StringComparison.Ordinal))
            {
                return ambiguous;
            }

            if (whole.Contains('.', StringComparison.Ordinal))
            {
                if (!GroupsThousands(whole))
                {
                    return ambiguous;
                }

                whole = whole.Replace(".", string.Empty, StringComparison.Ordinal);
            }
        }
        else if (dots > 1)
        {
            if (!GroupsThousands(text))
            {
                return notANumber;
            }

            whole = text.Replace(".", string.Empty, StringComparison.Ordinal);
            fraction = string.Empty;
        }
        else if (dots == 1 && GroupsThousands(text))
        {
            if (kind == IndicatorKind.Percent)
            {
                var asDecimal = IndonesianFormat.Number(decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture), IndicatorValueParser.MaxDecimals);
                return NumberReading.Fail(
                    IndicatorValueProblem.AmbiguousSeparator,
                    $"Angka {text} kurang jelas. Mohon pakai koma sebagai tanda desimal untuk persen, misalnya {asDecimal} atau 85,5.");
            }

            whole = text.Replace(".", string.Empty, StringComparison.Ordinal);
            fraction = string.Empty;
        }
        else if (dots == 1)
        {
            var dot = text.IndexOf('.', StringComparison.Ordinal);
            whole = text[..dot];
            fraction = text[(dot + 1)..];
        }
        else
        {
            whole = text;
            fraction = string.Empty;
        }

        // Leading and trailing zeros carry no information; dropping them first keeps decimal.Parse far from overflow.
        whole = whole.TrimStart('0');
        fraction = fraction.TrimEnd('0');
        if (fraction.Length > IndicatorValueParser.MaxDecimals)
        {
            return NumberReading.Fail(IndicatorValueProblem.TooManyDecimals, IndicatorValueMessages.TooManyDecimals);
        }

        if (whole.Length > 13)
        {
            return NumberReading.Fail(IndicatorValueProblem.TooLarge, IndicatorValueMessages.TooLarge);
        }

        var invariant = (whole.Length == 0 ? "0" : whole) + (fraction.Length == 0 ? string.Empty : "." + fraction);
        var value = decimal.Parse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return value > IndicatorValueParser.MaxValue ? NumberReading.Fail(IndicatorValueProblem.TooLarge, IndicatorValueMessages.TooLarge) : NumberReading.Success(value);
    }

    // True for Indonesian thousands grouping: a first group of 1–3 digits not starting with 0, then groups of exactly 3.
    private static bool GroupsThousands(string text)
    {
        var groups = text.Split('.');
        return groups.Length > 1
            && groups[0].Length is >= 1 and <= 3 && groups[0][0] != '0'
            && groups.Skip(1).All(group => group.Length == 3);
    }
}
