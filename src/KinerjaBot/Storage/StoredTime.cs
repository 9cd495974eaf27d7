using System.Globalization;

namespace KinerjaBot.Storage;

/// <summary>Instants are stored as ISO 8601 UTC text so they sort, compare and read the same everywhere.</summary>
internal static class StoredTime
{
    public static string Format(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static DateTimeOffset? ParseOptional(string? text) => text is null ? null : Parse(text);
}
