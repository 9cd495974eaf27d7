namespace KinerjaBot.Configuration;

/// <summary>The office itself: what its letterhead says and which clock it lives by.</summary>
public sealed record OfficeInfo(
    string Id,
    string Name,
    string Government,
    string Address,
    string City,
    TimeZoneInfo TimeZone,
    string? LogoPath);
