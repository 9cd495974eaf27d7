using System.Globalization;

namespace KinerjaBot.Domain;

/// <summary>
/// Reads an indicator value the way Indonesian officials type it on a phone, and refuses, politely and with an example,
/// anything that could be misread. Nothing ambiguous is ever accepted silently (DESIGN §3).
/// </summary>
/// <remarks>
/// Rules, in order:
/// <list type="number">
/// <item>Surrounding spaces are ignored; nothing left → <see cref="IndicatorValueProblem.Empty"/>; over
/// <see cref="MaxInputLength"/> characters → <see cref="IndicatorValueProblem.TooLong"/>.</item>
/// <item>A trailing <c>%</c> or <c>persen</c> (with or without a space) is dropped; on an indicator that is not a
/// percentage it is refused (<see cref="IndicatorValueProblem.PercentNotExpected"/>): "85%" for a count of documents
/// means the person misunderstood the question.</item>
/// <item>One leading <c>+</c> is allowed; a leading minus (<c>-</c>, <c>−</c> or <c>–</c>) makes the value
/// <see cref="IndicatorValueProblem.Negative"/> (<c>-0</c> is simply 0).</item>
/// <item>What remains may hold only the digits 0–9, dots and commas, and must start and end with a digit:
/// words, emoji, spaces inside, <c>NaN</c>, <c>Infinity</c>, <c>1e9</c>, <c>,5</c> and <c>12.</c> (possibly a
/// half-typed <c>12.500</c>) are <see cref="IndicatorValueProblem.NotANumber"/>.</item>
/// <item>The comma is the decimal mark and appears at most once (<c>1,2,3</c> is not a number); the dot groups
/// thousands (<c>1.234.567</c>, <c>1.234,5</c>). Dots after the comma (<c>1,234.5</c>) or a broken grouping
/// (<c>12.34,5</c>) are <see cref="IndicatorValueProblem.AmbiguousSeparator"/>; several dots that do not group
/// thousands (<c>1.2.3</c>) are not a number.</item>
/// <item>A single dot with no comma is a decimal point (<c>72.5</c>, <c>1.5</c>, <c>0.500</c>, <c>1234.567</c>)
/// unless it is followed by exactly three digits after a first group of 1–3 digits not starting with 0: then it
/// groups thousands (<c>1.234</c> → 1234) — except for a percent, where <c>1.234</c> could be either and is
/// refused as <see cref="IndicatorValueProblem.AmbiguousSeparator"/>.</item>
/// <item>At most <see cref="MaxDecimals"/> significant decimals (<c>72,50000</c> is fine) and at most
/// <see cref="MaxValue"/>.</item>
/// <item>Then the indicator's own limits: an <see cref="IndicatorKind.Integer"/> takes no fraction (<c>12,0</c> is
/// 12), a <see cref="IndicatorKind.Percent"/> is at most 100.</item>
/// <item>Finally, with a positive target, a value over <see cref="ConfirmationFactor"/> × target is not refused but
/// needs confirmation. A target of 0 (or none) skips this check.</item>
/// </list>
/// Messages never repeat the user's raw text (it may be anything, and would need escaping); they quote only numbers
/// the parser itself formatted.
/// </remarks>
public static class IndicatorValueParser
{
    /// <summary>Longer than any realistic number with separators and "persen"; protects against pasted documents.</summary>
    public const int MaxInputLength = 32;

    public const int MaxDecimals = 4;

    /// <summary>One trillion: beyond any count or budget figure an office reports, and well inside <see cref="decimal"/>.</summary>
    public const decimal MaxValue = 1_000_000_000_000m;

    public const decimal ConfirmationFactor = 3m;

    public static IndicatorValueResult Parse(string? input, IndicatorKind kind, decimal? target = null)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return IndicatorValueResult.Refused(IndicatorValueProblem.Empty, $"Jawaban masih kosong. Mohon ketik angkanya, misalnya {Example(kind)}.");
        }

        var text = input.Trim();
        if (text.Length > MaxInputLength)
        {
            return IndicatorValueResult.Refused(IndicatorValueProblem.TooLong, $"Jawaban terlalu panjang. Mohon ketik angkanya saja, misalnya {Example(kind)}.");
        }

        text = text.ToLowerInvariant();
        var hasPercentSign = TryStripSuffix(ref text, "%") || TryStripSuffix(ref text, "persen");

        var negative = false;
        if (text.StartsWith('+'))
        {
            text = text[1..].TrimStart();
        }
        else if (text.Length > 0 && text[0] is '-' or '−' or '–')
        {
            negative = true;
            text = text[1..].TrimStart();
        }

        var read = ReadNumber(text, kind);
        if (read.Problem is { } problem)
        {
            return IndicatorValueResult.Refused(problem, read.Message);
        }

        var value = read.Value;
        var shown = Show(value);
        if (negative && value != 0)
        {
            return IndicatorValueResult.Refused(
                IndicatorValueProblem.Negative,
                $"Nilai tidak boleh kurang dari 0. Mohon ketik angka tanpa tanda minus, misalnya {Example(kind)}.",
                -value);
        }

        if (hasPercentSign && kind != IndicatorKind.Percent)
        {
            return IndicatorValueResult.Refused(
                IndicatorValueProblem.PercentNotExpected,
                $"Indikator ini tidak diisi dalam persen. Mohon ketik jumlahnya saja tanpa tanda %, misalnya {Example(kind)}.",
                value);
        }

        if (kind == IndicatorKind.Integer && value != decimal.Truncate(value))
        {
            return IndicatorValueResult.Refused(
                IndicatorValueProblem.FractionNotAllowed,
                $"Indikator ini diisi dengan bilangan bulat, tetapi yang terbaca {shown}. Mohon ketik tanpa koma, misalnya {Example(kind)}.",
                value);
        }

        if (kind == IndicatorKind.Percent && value > 100)
        {
            return IndicatorValueResult.Refused(
                IndicatorValueProblem.PercentOver100,
                $"Nilai persen paling besar 100, tetapi yang terbaca {shown}. Mohon ketik angka 0 sampai 100, misalnya {Example(kind)}.",
                value);
        }

        if (target is > 0 && value > ConfirmationFactor * target.Value)
        {
            return IndicatorValueResult.Confirm(
                value,
                IndicatorValueProblem.OverThreeTimesTarget,
                $"Apakah benar nilainya {shown}? Angka ini lebih dari 3 kali target ({Show(target.Value)}).");
        }

        return IndicatorValueResult.Accepted(value);
    }

    private static NumberReading ReadNumber(string text, IndicatorKind kind)
    {
        var notANumber = NumberReading.Fail(IndicatorValueProblem.NotANumber, $"Maaf, jawaban itu belum terbaca sebagai angka. Mohon ketik angka saja, misalnya {Example(kind)}.");
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
                var asDecimal = Show(decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture), MaxDecimals);
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
        if (fraction.Length > MaxDecimals)
        {
            return NumberReading.Fail(IndicatorValueProblem.TooManyDecimals, "Paling banyak 4 angka di belakang koma. Mohon ketik lebih singkat, misalnya 72,25.");
        }

        var tooLarge = NumberReading.Fail(IndicatorValueProblem.TooLarge, "Angkanya terlalu besar (lebih dari 1 triliun). Mohon periksa kembali dan ketik angkanya, misalnya 1.234.567.");
        if (whole.Length > 13)
        {
            return tooLarge;
        }

        var invariant = (whole.Length == 0 ? "0" : whole) + (fraction.Length == 0 ? string.Empty : "." + fraction);
        var value = decimal.Parse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return value > MaxValue ? tooLarge : NumberReading.Success(value);
    }

    // True for Indonesian thousands grouping: a first group of 1–3 digits not starting with 0, then groups of exactly 3.
    private static bool GroupsThousands(string text)
    {
        var groups = text.Split('.');
        return groups.Length > 1
            && groups[0].Length is >= 1 and <= 3 && groups[0][0] != '0'
            && groups.Skip(1).All(group => group.Length == 3);
    }

    private static bool TryStripSuffix(ref string text, string suffix)
    {
        if (!text.EndsWith(suffix, StringComparison.Ordinal))
        {
            return false;
        }

        text = text[..^suffix.Length].TrimEnd();
        return true;
    }

    private static string Show(decimal value, int decimals = MaxDecimals) => IndonesianFormat.Number(value, decimals);

    private static string Example(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Percent => "85",
        IndicatorKind.Integer => "12",
        _ => "72,5",
    };

    private readonly record struct NumberReading(decimal Value, IndicatorValueProblem? Problem, string Message)
    {
        public static NumberReading Success(decimal value) => new(value, null, string.Empty);

        public static NumberReading Fail(IndicatorValueProblem problem, string message) => new(0, problem, message);
    }
}
