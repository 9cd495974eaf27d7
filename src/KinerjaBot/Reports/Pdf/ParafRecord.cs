namespace KinerjaBot.Reports.Pdf;

/// <summary>One initial (paraf) given in the office chain before the head signs.</summary>
public sealed record ParafRecord
{
    public required string Name { get; init; }

    /// <summary>Jabatan, e.g. "Sekretaris Kecamatan".</summary>
    public required string Position { get; init; }

    /// <summary>
    /// When it was given in the bot, already formatted: "Kamis, 8 Oktober 2026 16.00 WIB"; empty while the stage is still
    /// to come (a draft). The wet initials go in the box beside it on the printed copy.
    /// </summary>
    public required string SignedAt { get; init; }
}
