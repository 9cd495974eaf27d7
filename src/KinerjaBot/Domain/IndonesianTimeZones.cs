namespace KinerjaBot.Domain;

/// <summary>
/// Finds an office's time zone by its IANA id (<c>Asia/Jakarta</c>) or by the Windows id an operator on Windows may
/// write for one of Indonesia's three zones. The bot runs with invariant globalization (decisions/0027): without ICU,
/// .NET on Linux cannot turn a Windows id into an IANA one, so the three that matter here are mapped by this table.
/// </summary>
public static class IndonesianTimeZones
{
    // CLDR's windowsZones.xml for territory ID: the Windows zone each Indonesian IANA zone belongs to.
    private static readonly Dictionary<string, string> FromWindowsId = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SE Asia Standard Time"] = "Asia/Jakarta",
        ["Singapore Standard Time"] = "Asia/Makassar",
        ["Tokyo Standard Time"] = "Asia/Jayapura",
    };

    /// <summary>The zone for an IANA id or one of the three Windows ids; throws <see cref="TimeZoneNotFoundException"/> for any other.</summary>
    public static TimeZoneInfo Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return TimeZoneInfo.FindSystemTimeZoneById(FromWindowsId.GetValueOrDefault(id, id));
    }

    /// <summary>The IANA id of <paramref name="zone"/>: its own id, or the Indonesian zone its Windows id stands for.</summary>
    public static string IanaId(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return FromWindowsId.GetValueOrDefault(zone.Id, zone.Id);
    }
}
