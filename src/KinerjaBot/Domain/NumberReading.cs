namespace KinerjaBot.Domain;

/// <summary>One step of reading an answer: a number (or a value built from it), or why it could not be read.</summary>
internal readonly record struct NumberReading(decimal Value, IndicatorValueProblem? Problem, string Message)
{
    public bool Failed => Problem is not null;

    public static NumberReading Success(decimal value) => new(value, null, string.Empty);

    public static NumberReading Fail(IndicatorValueProblem problem, string message) => new(0, problem, message);
}
