namespace KinerjaBot.Domain;

/// <summary>What <see cref="AnswerReader"/> found on the first line: the quantities typed, the sign, and a note.</summary>
internal sealed record AnswerReading
{
    public required IReadOnlyList<AnswerQuantity> Quantities { get; init; }

    public bool Negative { get; init; }

    /// <summary>What followed a clear separator on the same line, or null.</summary>
    public string? Note { get; init; }

    /// <summary>The characters that make up the value (without the note), to hold them to the length limit.</summary>
    public int ValueLength { get; init; }

    public NumberReading? Failure { get; init; }

    public static AnswerReading Fail(IndicatorValueProblem problem, string message) =>
        new() { Quantities = [], Failure = NumberReading.Fail(problem, message) };

    public static AnswerReading Fail(NumberReading failure) => new() { Quantities = [], Failure = failure };
}
