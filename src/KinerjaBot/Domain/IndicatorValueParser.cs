namespace KinerjaBot.Domain;

/// <summary>
/// Reads an indicator value the way Indonesian officials type it on a phone, and refuses, politely and with an example,
/// anything that could be misread. It never guesses: a number the official did not mean is never accepted (DESIGN §3).
/// </summary>
/// <remarks>
/// Rules, in order:
/// <list type="number">
/// <item>Surrounding spaces are ignored; nothing left → <see cref="IndicatorValueProblem.Empty"/>; a value over
/// <see cref="MaxInputLength"/> characters → <see cref="IndicatorValueProblem.TooLong"/>. Zero-width characters,
/// direction marks and broken emoji halves → <see cref="IndicatorValueProblem.HiddenCharacter"/>; digits other than
/// 0–9 (<c>１２</c>, <c>١٢</c>) are not a number.</item>
/// <item>One leading <c>+</c> is allowed; a leading minus (<c>-</c>, <c>−</c> or <c>–</c>) makes the value
/// <see cref="IndicatorValueProblem.Negative"/> (<c>-0</c> is simply 0).</item>
/// <item>The digits may hold only 0–9, dots and commas, and must start and end with a digit: <c>,5</c> and
/// <c>12.</c> (possibly a half-typed <c>12.500</c>) are <see cref="IndicatorValueProblem.NotANumber"/>; a letter
/// glued to them is <see cref="IndicatorValueProblem.LetterInNumber"/> (<c>1O0</c>, <c>12a</c>) or
/// <see cref="IndicatorValueProblem.ScientificNotation"/> (<c>1e5</c>, <c>1e309</c>).</item>
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
/// <item>Words after the number are understood or refused, never dropped: <c>ribu</c>/<c>rb</c>, <c>juta</c>/<c>jt</c>
/// and <c>miliar</c> multiply (<c>1,5 juta</c> → 1500000); <c>%</c>/<c>persen</c> is the percent sign (refused as
/// <see cref="IndicatorValueProblem.PercentNotExpected"/> on an indicator that is not a percentage); the indicator's
/// own satuan is dropped (<c>24 kali</c>); <c>jam</c> and <c>menit</c>, also combined (<c>2 jam 15 menit</c>), are
/// converted for an indicator measured in jam or menit when exact, otherwise
/// <see cref="IndicatorValueProblem.TimeNotExact"/>; any other satuan is <see cref="IndicatorValueProblem.UnitNotExpected"/>;
/// words that make the number vague (<c>ribuan</c>, <c>lebih</c>, <c>dari</c>, <c>setengah</c>) are
/// <see cref="IndicatorValueProblem.UnclearWord"/>.</item>
/// <item>Then the indicator's own limits: an <see cref="IndicatorKind.Integer"/> takes no fraction (<c>12,0</c> is
/// 12), a <see cref="IndicatorKind.Percent"/> is at most 100.</item>
/// <item>Finally, with a positive target, a value over <see cref="ConfirmationFactor"/> × target is not refused but
/// needs confirmation. A target of 0 (or none) skips this check.</item>
/// </list>
/// <see cref="ReadAnswer"/> also takes a note (keterangan): the lines after the first, and on the first line what
/// follows the value after a clear separator (see <see cref="AnswerReader"/>). <see cref="Parse"/> takes a value only.
/// Messages never repeat the user's raw text (it may be anything, and would need escaping); they quote only numbers
/// the parser itself formatted and words of its own vocabulary.
/// </remarks>
public static class IndicatorValueParser
{
    /// <summary>Longer than any realistic number with separators and "persen"; protects against pasted documents.</summary>
    public const int MaxInputLength = 32;

    /// <summary>The longest note (keterangan) kept with a value.</summary>
    public const int MaxNoteLength = 500;

    /// <summary>Telegram's own limit for one message; anything longer is refused without being read.</summary>
    public const int MaxMessageLength = 4096;

    public const int MaxDecimals = IndonesianFormat.StoredDecimals;

    /// <summary>One trillion: beyond any count or budget figure an office reports, and well inside <see cref="decimal"/>.</summary>
    public const decimal MaxValue = 1_000_000_000_000m;

    public const decimal ConfirmationFactor = 3m;

    /// <summary>Reads a value alone; anything that would be a note makes it <see cref="IndicatorValueProblem.NotANumber"/>.</summary>
    public static IndicatorValueResult Parse(string? input, IndicatorKind kind, decimal? target = null)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return IndicatorValueResult.Refused(IndicatorValueProblem.Empty, IndicatorValueMessages.Empty(kind));
        }

        var text = input.Trim();
        if (text.Length > MaxInputLength)
        {
            return IndicatorValueResult.Refused(IndicatorValueProblem.TooLong, IndicatorValueMessages.TooLong(kind));
        }

        var result = ReadLine(text, kind, target, measure: null);
        return result.Note is null
            ? result
            : IndicatorValueResult.Refused(IndicatorValueProblem.NotANumber, IndicatorValueMessages.NotANumber(kind));
    }

    /// <summary>
    /// Reads a whole answer: the value (with the indicator's satuan <paramref name="measure"/> understood) and the note
    /// after it, in <see cref="IndicatorValueResult.Note"/>.
    /// </summary>
    public static IndicatorValueResult ReadAnswer(string? message, IndicatorKind kind, decimal? target, string? measure)
    {
        var result = ReadWholeAnswer(message, kind, target, measure);

        // The refusals are worded from the kind alone ("misalnya 12"); with the target known, the example is the
        // indicator's own, since "12" for a target of 3 would itself be questioned (AnswerExample).
        var generic = $"misalnya {IndicatorValueMessages.Example(kind)}";
        return result.IsRefused && target is not null && result.Message.Contains(generic, StringComparison.Ordinal)
            ? result.WithMessage(result.Message.Replace(generic, $"misalnya {AnswerExample.For(kind, target)}", StringComparison.Ordinal))
            : result;
    }

    private static IndicatorValueResult ReadWholeAnswer(string? message, IndicatorKind kind, decimal? target, string? measure)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return IndicatorValueResult.Refused(IndicatorValueProblem.Empty, IndicatorValueMessages.Empty(kind));
        }

        var text = message.Trim();
        if (text.Length > MaxMessageLength)
        {
            return IndicatorValueResult.Refused(IndicatorValueProblem.TooLong, IndicatorValueMessages.TooLong(kind));
        }

        var newLine = text.IndexOf('\n', StringComparison.Ordinal);
        var first = newLine < 0 ? text : text[..newLine].Trim();
        var below = newLine < 0 ? string.Empty : text[(newLine + 1)..].Trim();
        var result = ReadLine(first, kind, target, measure);
        if (result.IsRefused)
        {
            return result;
        }

        if (HasBrokenCharacter(below))
        {
            return IndicatorValueResult.Refused(IndicatorValueProblem.HiddenCharacter, IndicatorValueMessages.HiddenCharacter(kind));
        }

        var note = (result.Note, below.Length == 0 ? null : below) switch
        {
            ({ } inline, { } rest) => inline + "\n" + rest,
            (var inline, var rest) => inline ?? rest,
        };
        return note is { Length: > MaxNoteLength }
            ? IndicatorValueResult.Refused(IndicatorValueProblem.NoteTooLong, IndicatorValueMessages.NoteTooLong(MaxNoteLength))
            : result.WithNote(note);
    }

    private static IndicatorValueResult ReadLine(string line, IndicatorKind kind, decimal? target, string? measure)
    {
        if (HasBrokenCharacter(line))
        {
            return IndicatorValueResult.Refused(IndicatorValueProblem.HiddenCharacter, IndicatorValueMessages.HiddenCharacter(kind));
        }

        var reading = AnswerReader.Read(line, kind, measure);
        if (reading.Failure is { Problem: { } problem } failure)
        {
            return IndicatorValueResult.Refused(problem, failure.Message);
        }

        if (reading.ValueLength > MaxInputLength)
        {
            return IndicatorValueResult.Refused(IndicatorValueProblem.TooLong, IndicatorValueMessages.TooLong(kind));
        }

        var combined = ValueOf(reading.Quantities, kind, measure);
        if (combined.Reading.Problem is { } unitProblem)
        {
            return IndicatorValueResult.Refused(unitProblem, combined.Reading.Message);
        }

        var result = Check(combined.Reading.Value, reading.Negative, combined.Percent, kind, target);
        return result.IsRefused ? result : result.WithNote(reading.Note);
    }

    /// <summary>The value the quantities add up to in the indicator's satuan, and whether a percent sign was typed.</summary>
    private static (NumberReading Reading, bool Percent) ValueOf(IReadOnlyList<AnswerQuantity> quantities, IndicatorKind kind, string? measure)
    {
        var timeMeasure = measure?.Trim().ToLowerInvariant() is ValueWords.Hour or ValueWords.Minute ? measure.Trim().ToLowerInvariant() : null;
        if (quantities.Count > 1)
        {
            // Only a duration comes in parts ("2 jam 15 menit"): each part jam or menit, once, without a multiplier.
            if (quantities.Any(q => q.Unit is null || !ValueWords.IsTime(q.Unit) || q.Multiplier is not null)
                || quantities.Select(q => q.Unit).Distinct().Count() != quantities.Count)
            {
                return (NumberReading.Fail(IndicatorValueProblem.NotANumber, $"Jawaban berisi lebih dari satu angka. Mohon ketik satu angka saja, misalnya {IndicatorValueMessages.Example(kind)}."), false);
            }

            if (timeMeasure is null)
            {
                return (NumberReading.Fail(IndicatorValueProblem.UnitNotExpected, IndicatorValueMessages.UnitNotExpected(ValueWords.Hour, measure, kind)), false);
            }

            return (InMeasure(quantities.Sum(q => Minutes(q.Number, q.Unit!)), timeMeasure), false);
        }

        var quantity = quantities[0];
        var value = quantity.Number * (quantity.Multiplier is { } word ? ValueWords.Multiplier(word)!.Value : 1m);
        if (value > MaxValue)
        {
            return (NumberReading.Fail(IndicatorValueProblem.TooLarge, IndicatorValueMessages.TooLarge), false);
        }

        return quantity.Unit switch
        {
            null => (NumberReading.Success(value), false),
            ValueWords.Percent => (NumberReading.Success(value), true),
            var unit when measure is not null && string.Equals(unit, measure.Trim(), StringComparison.OrdinalIgnoreCase) => (NumberReading.Success(value), false),
            var unit when ValueWords.IsTime(unit) && timeMeasure is not null => (InMeasure(Minutes(value, unit), timeMeasure), false),
            var unit => (NumberReading.Fail(IndicatorValueProblem.UnitNotExpected, IndicatorValueMessages.UnitNotExpected(unit, measure, kind)), false),
        };
    }

    private static decimal Minutes(decimal number, string unit) => unit == ValueWords.Hour ? number * 60m : number;

    private static NumberReading InMeasure(decimal minutes, string timeMeasure)
    {
        if (timeMeasure == ValueWords.Minute)
        {
            return NumberReading.Success(minutes);
        }

        // 80 menit is 1,3333… jam: stored rounded it would not be what was typed, so the official chooses the number.
        var hours = minutes / 60m;
        return hours == Math.Round(hours, MaxDecimals)
            ? NumberReading.Success(hours)
            : NumberReading.Fail(IndicatorValueProblem.TimeNotExact, IndicatorValueMessages.TimeNotExact(Show(minutes)));
    }

    private static IndicatorValueResult Check(decimal value, bool negative, bool hasPercentSign, IndicatorKind kind, decimal? target)
    {
        var shown = Show(value);
        if (negative && value != 0)
        {
            return IndicatorValueResult.Refused(IndicatorValueProblem.Negative, IndicatorValueMessages.Negative(kind), -value);
        }

        if (hasPercentSign && kind != IndicatorKind.Percent)
        {
            return IndicatorValueResult.Refused(IndicatorValueProblem.PercentNotExpected, IndicatorValueMessages.PercentNotExpected(kind), value);
        }

        if (value != Math.Round(value, MaxDecimals))
        {
            return IndicatorValueResult.Refused(IndicatorValueProblem.TooManyDecimals, IndicatorValueMessages.TooManyDecimals, value);
        }

        if (kind == IndicatorKind.Integer && value != decimal.Truncate(value))
        {
            return IndicatorValueResult.Refused(IndicatorValueProblem.FractionNotAllowed, IndicatorValueMessages.FractionNotAllowed(shown, kind), value);
        }

        if (kind == IndicatorKind.Percent && value > 100)
        {
            return IndicatorValueResult.Refused(IndicatorValueProblem.PercentOver100, IndicatorValueMessages.PercentOver100(shown, kind), value);
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

    // A lone half of a surrogate pair is no character at all; stored, it would turn into "?" in the report.
    private static bool HasBrokenCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static string Show(decimal value) => IndonesianFormat.Number(value, MaxDecimals);
}
