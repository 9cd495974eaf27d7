using System.Globalization;

namespace KinerjaBot.Domain;

/// <summary>
/// Splits the first line of an answer into the quantities typed ("2 jam 15 menit", "1,5 juta", "85 %") and a note.
/// Letters glued to digits are never a note ("1O0", "12a", "1e309"), nor is any word that could change the number
/// (<see cref="ValueWords"/>); a note starts only at an ordinary word after a space ("90 sesuai data DTKS") or after a
/// clear separator: " - ", a comma followed by a space or a letter ("72, sesuai DTKS" while "72,5" is a number),
/// ":", ";" or "(".
/// </summary>
internal static class AnswerReader
{
    public static AnswerReading Read(string line, IndicatorKind kind, string? measure)
    {
        // ToLowerInvariant maps char by char, so indexes into `text` are indexes into `line` (whose case the note keeps).
        var text = line.ToLowerInvariant();
        var i = 0;
        var negative = false;
        if (text[0] == '+')
        {
            i = SkipSpaces(text, 1);
        }
        else if (text[0] is '-' or '−' or '–' or '—')
        {
            negative = true;
            i = SkipSpaces(text, 1);
        }

        var quantities = new List<AnswerQuantity>();
        while (true)
        {
            if (i >= text.Length || !char.IsAsciiDigit(text[i]))
            {
                return AnswerReading.Fail(Unreadable(text, i, kind));
            }

            var start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] is '.' or ','))
            {
                i++;
            }

            var digits = text[start..i];
            if (digits.Length > IndicatorValueParser.MaxInputLength)
            {
                return AnswerReading.Fail(IndicatorValueProblem.TooLong, IndicatorValueMessages.TooLong(kind));
            }

            var commaNote = digits.EndsWith(',') && i < text.Length && (char.IsWhiteSpace(text[i]) || char.IsLetter(text[i]));
            if (commaNote)
            {
                digits = digits[..^1];
            }
            else if (i < text.Length && text[i] == 'e' && i + 1 < text.Length && (char.IsAsciiDigit(text[i + 1]) || text[i + 1] is '+' or '-'))
            {
                return AnswerReading.Fail(IndicatorValueProblem.ScientificNotation, IndicatorValueMessages.ScientificNotation);
            }

            var number = IndonesianNumberReader.Read(digits, kind);
            if (number.Failed)
            {
                return AnswerReading.Fail(number);
            }

            if (commaNote)
            {
                quantities.Add(new AnswerQuantity(number.Value, null, null));
                return Noted(quantities, negative, line, measure, kind, start + digits.Length, i);
            }

            string? multiplier = null;
            string? unit = null;
            while (i < text.Length)
            {
                var glued = !char.IsWhiteSpace(text[i]);
                var gap = i;
                i = SkipSpaces(text, i);
                var c = text[i];
                if (c == '%')
                {
                    if (unit is not null)
                    {
                        return AnswerReading.Fail(IndicatorValueProblem.NotANumber, IndicatorValueMessages.NotANumber(kind));
                    }

                    unit = ValueWords.Percent;
                    i++;
                    continue;
                }

                if (char.IsLetter(c))
                {
                    var wordStart = i;
                    while (i < text.Length && char.IsLetter(text[i]))
                    {
                        i++;
                    }

                    var word = text[wordStart..i];
                    var known = ValueWords.NumberLike(word, measure);
                    if (known is null)
                    {
                        if (glued || word.Length == 1)
                        {
                            return AnswerReading.Fail(IndicatorValueProblem.LetterInNumber, IndicatorValueMessages.LetterInNumber(kind));
                        }

                        quantities.Add(new AnswerQuantity(number.Value, multiplier, unit));
                        return Noted(quantities, negative, line, measure, kind, gap, wordStart);
                    }

                    if (word != known || (ValueWords.Multiplier(word) is not null && (multiplier is not null || unit is not null)) || (ValueWords.IsUnit(word, measure) && unit is not null))
                    {
                        return AnswerReading.Fail(IndicatorValueProblem.UnclearWord, IndicatorValueMessages.UnclearWord(known, kind));
                    }

                    if (ValueWords.Multiplier(word) is not null)
                    {
                        multiplier = word;
                    }
                    else if (ValueWords.IsUnit(word, measure))
                    {
                        unit = word;
                    }
                    else
                    {
                        return AnswerReading.Fail(IndicatorValueProblem.UnclearWord, IndicatorValueMessages.UnclearWord(known, kind));
                    }

                    continue;
                }

                if (char.IsAsciiDigit(c) && unit is not null && ValueWords.IsTime(unit))
                {
                    // "2 jam 15 menit": the next quantity of the same duration.
                    break;
                }

                if (c == '.' && i == text.Length - 1 && unit is not null)
                {
                    // "12 kegiatan." ends a sentence; after a digit ("12.") the dot could be a half-typed 12.500.
                    i++;
                    continue;
                }

                if ((c is '-' or '–' or '—' && !glued) || c is ',' or ':' or ';')
                {
                    quantities.Add(new AnswerQuantity(number.Value, multiplier, unit));
                    return Noted(quantities, negative, line, measure, kind, gap, i + 1);
                }

                if (c == '(' && !glued)
                {
                    quantities.Add(new AnswerQuantity(number.Value, multiplier, unit));
                    return Noted(quantities, negative, line, measure, kind, gap, i);
                }

                return AnswerReading.Fail(Unreadable(text, i, kind));
            }

            quantities.Add(new AnswerQuantity(number.Value, multiplier, unit));
            if (i >= text.Length)
            {
                return new AnswerReading { Quantities = quantities, Negative = negative, ValueLength = text.Length };
            }
        }
    }

    /// <summary>True for characters that do not show on screen but change the text: zero-width, direction marks, BOM.</summary>
    public static bool IsHidden(char c) => char.GetUnicodeCategory(c) == UnicodeCategory.Format;

    private static AnswerReading Noted(List<AnswerQuantity> quantities, bool negative, string line, string? measure, IndicatorKind kind, int valueEnd, int noteStart)
    {
        var note = line[noteStart..].Trim();
        if (note.Length > 0 && char.IsAsciiDigit(note[0]))
        {
            // "72, 5" or "90 - 95": a decimal typed with a space, or a range; either way not one number plus a note.
            return AnswerReading.Fail(IndicatorValueProblem.AmbiguousSeparator, IndicatorValueMessages.NumberAfterSeparator);
        }

        // "15, ribu": a multiplier or satuan stays part of the number even after a separator, so it is never a note.
        var firstWord = new string(note.TakeWhile(char.IsLetter).ToArray()).ToLowerInvariant();
        if (firstWord.Length > 0 && ValueWords.NumberLike(firstWord, measure) is { } known)
        {
            return AnswerReading.Fail(IndicatorValueProblem.UnclearWord, IndicatorValueMessages.UnclearWord(known, kind));
        }

        foreach (var marker in new[] { "keterangan:", "ket:", "ket." })
        {
            if (note.StartsWith(marker, StringComparison.OrdinalIgnoreCase))
            {
                note = note[marker.Length..].Trim();
                break;
            }
        }

        if (note.StartsWith('(') && note.EndsWith(')'))
        {
            note = note[1..^1].Trim();
        }

        return note.Length == 0
            ? AnswerReading.Fail(IndicatorValueProblem.NotANumber, "Keterangan setelah angka masih kosong. Mohon ketik angkanya saja, atau tulis keterangannya, misalnya 90 - sesuai data DTKS.")
            : new AnswerReading { Quantities = quantities, Negative = negative, Note = note, ValueLength = line[..valueEnd].TrimEnd().Length };
    }

    private static NumberReading Unreadable(string text, int at, IndicatorKind kind)
    {
        if (at < text.Length && IsHidden(text[at]))
        {
            return NumberReading.Fail(IndicatorValueProblem.HiddenCharacter, IndicatorValueMessages.HiddenCharacter(kind));
        }

        if (at < text.Length && char.IsDigit(text[at]) && !char.IsAsciiDigit(text[at]))
        {
            return NumberReading.Fail(IndicatorValueProblem.NotANumber, IndicatorValueMessages.OtherDigits(kind));
        }

        return NumberReading.Fail(IndicatorValueProblem.NotANumber, IndicatorValueMessages.NotANumber(kind));
    }

    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }
}
