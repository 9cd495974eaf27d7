namespace KinerjaBot.Domain;

/// <summary>
/// The outcome of reading a typed indicator value: accepted, needing confirmation, or refused with a reason
/// and a short polite message in Bahasa Indonesia that says what is wrong and what to type instead.
/// </summary>
public sealed record IndicatorValueResult
{
    private IndicatorValueResult(IndicatorValueStatus status, decimal? value, IndicatorValueProblem? problem, string message)
    {
        Status = status;
        Value = value;
        Problem = problem;
        Message = message;
    }

    public IndicatorValueStatus Status { get; }

    /// <summary>
    /// The number as the bot understood it, or null when nothing could be read. It is also filled for some refusals
    /// (e.g. 100,5 for a percent) so the conversation can read back what it understood; store it only when
    /// <see cref="Status"/> is <see cref="IndicatorValueStatus.Accepted"/>, or after the user confirms.
    /// </summary>
    public decimal? Value { get; }

    /// <summary>Null when accepted; otherwise why not.</summary>
    public IndicatorValueProblem? Problem { get; }

    /// <summary>What to tell the user; empty when accepted (the conversation echoes the stored value itself).</summary>
    public string Message { get; }

    /// <summary>
    /// The keterangan typed with the value (filled by <see cref="IndicatorValueParser.ReadAnswer"/>), or null. Satuan
    /// and multiplier words are never part of it: they are either understood in <see cref="Value"/> or refused.
    /// </summary>
    public string? Note { get; private init; }

    public bool IsAccepted => Status == IndicatorValueStatus.Accepted;

    public bool NeedsConfirmation => Status == IndicatorValueStatus.NeedsConfirmation;

    public bool IsRefused => Status == IndicatorValueStatus.Refused;

    public static IndicatorValueResult Accepted(decimal value) =>
        new(IndicatorValueStatus.Accepted, value, null, string.Empty);

    public static IndicatorValueResult Confirm(decimal value, IndicatorValueProblem problem, string question) =>
        new(IndicatorValueStatus.NeedsConfirmation, value, problem, question);

    internal IndicatorValueResult WithNote(string? note) => note == Note ? this : this with { Note = note };

    internal IndicatorValueResult WithMessage(string message) => new(Status, Value, Problem, message) { Note = Note };

    public static IndicatorValueResult Refused(IndicatorValueProblem problem, string message, decimal? understood = null) =>
        new(IndicatorValueStatus.Refused, understood, problem, message);
}
