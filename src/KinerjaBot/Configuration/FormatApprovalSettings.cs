using KinerjaBot.Domain;

namespace KinerjaBot.Configuration;

/// <summary>
/// office.yaml <c>format_approval:</c>, <c>notification_letter:</c> and the <c>format_*</c> keys under <c>deadlines:</c>:
/// whether /buka first has the period's data format corrected, initialled and signed (SOP steps 1–2), how the
/// notification letter is numbered, and the time allowed for each step of that approval.
/// </summary>
public sealed record FormatApprovalSettings(
    bool Enabled,
    string LetterNumberPattern,
    string OfficeCode,
    string Sifat,
    DeadlineDuration Review,
    DeadlineDuration Paraf,
    DeadlineDuration Sign,
    DeadlineDuration Fix)
{
    public const string DefaultLetterNumberPattern = "050/{n}/{office-code}/{year}";

    public const string DefaultSifat = "Penting";

    /// <summary>The SOP's times: the planning official corrects within 2 days, the secretary initials in 10 minutes, the head signs within a day.</summary>
    public static FormatApprovalSettings Off(string officeId) => new(
        false,
        DefaultLetterNumberPattern,
        officeId.ToUpperInvariant(),
        DefaultSifat,
        DeadlineDuration.Days(2),
        new DeadlineDuration(0, TimeSpan.FromMinutes(10)),
        DeadlineDuration.Days(1),
        DeadlineDuration.Days(1));

    /// <summary>The letter's Nomor: the pattern with the running number, the office code and the year filled in.</summary>
    public string LetterNumber(int number, int year) =>
        LetterNumberPattern
            .Replace("{n}", number.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{office-code}", OfficeCode, StringComparison.Ordinal)
            .Replace("{year}", year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
