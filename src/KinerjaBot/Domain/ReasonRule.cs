namespace KinerjaBot.Domain;

/// <summary>
/// The shortest written reason the bot accepts where someone else has only that text to go on: a return reason
/// (the unit head must know what to fix) and the note on an implausible value (the verifier must know why).
/// </summary>
public static class ReasonRule
{
    public const int MinWords = 3;

    public const int MinLength = 10;

    public static bool IsTooShort(string reason) =>
        reason.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length < MinWords || reason.Trim().Length < MinLength;

    /// <summary>"paling sedikit 3 kata (10 huruf)": said wherever a reason is refused as too short.</summary>
    public static string Minimum => $"paling sedikit {MinWords} kata ({MinLength} huruf)";
}
