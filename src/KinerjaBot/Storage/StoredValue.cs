namespace KinerjaBot.Storage;

/// <summary>One entered value of one indicator; later entries of the same indicator supersede earlier ones.</summary>
public sealed record StoredValue(
    string IndicatorCode,
    int Revision,
    decimal Value,
    string? Note,
    string? EvidencePath,
    string EnteredBy,
    DateTimeOffset EnteredAt);
