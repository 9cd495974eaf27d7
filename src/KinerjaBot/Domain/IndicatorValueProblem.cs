namespace KinerjaBot.Domain;

/// <summary>Why a typed indicator value was not simply accepted.</summary>
public enum IndicatorValueProblem
{
    /// <summary>Nothing but spaces was typed.</summary>
    Empty,

    /// <summary>Far longer than any number a person would type (guards against pasted text).</summary>
    TooLong,

    /// <summary>Words, emoji, scientific notation, <c>NaN</c>, a list such as <c>1,2,3</c>…</summary>
    NotANumber,

    /// <summary>A number below zero; no indicator takes one.</summary>
    Negative,

    /// <summary>The dots and commas could mean two different numbers (e.g. <c>1.234</c> for a percent, <c>1,234.5</c>).</summary>
    AmbiguousSeparator,

    /// <summary>More than four digits after the decimal comma.</summary>
    TooManyDecimals,

    /// <summary>Above the largest value the bot stores (one trillion).</summary>
    TooLarge,

    /// <summary>A percent indicator given more than 100.</summary>
    PercentOver100,

    /// <summary>A "%" or "persen" typed for an indicator that is not a percentage.</summary>
    PercentNotExpected,

    /// <summary>An integer indicator (a count) given a fraction.</summary>
    FractionNotAllowed,

    /// <summary>A letter glued to or inside the digits (<c>1O0</c> with a letter O, <c>12a</c>, <c>0x10</c>).</summary>
    LetterInNumber,

    /// <summary>Scientific notation such as <c>1e5</c> or <c>1e309</c>.</summary>
    ScientificNotation,

    /// <summary>Invisible or broken characters: zero-width spaces, direction marks, a lone half of an emoji.</summary>
    HiddenCharacter,

    /// <summary>A word that would change the number without saying exactly how ("ribuan", "lebih", "45 dari 50").</summary>
    UnclearWord,

    /// <summary>A satuan other than the indicator's ("12 orang" for kegiatan, "2 jam" for a count or for hari).</summary>
    UnitNotExpected,

    /// <summary>A duration that cannot be written exactly in the indicator's satuan ("1 jam 20 menit" for jam).</summary>
    TimeNotExact,

    /// <summary>The note (keterangan) is longer than <see cref="IndicatorValueParser.MaxNoteLength"/> characters.</summary>
    NoteTooLong,

    /// <summary>More than three times the target: not refused, but must be confirmed.</summary>
    OverThreeTimesTarget,
}
