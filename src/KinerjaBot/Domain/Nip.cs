namespace KinerjaBot.Domain;

/// <summary>The 18-digit Indonesian civil-servant number (Nomor Induk Pegawai).</summary>
public static class Nip
{
    public const string Help = "write the 18 digits of the NIP in quotes, without spaces, e.g. \"196701011992091001\"";

    public static bool IsValid(string? text) => text is { Length: 18 } && text.All(char.IsAsciiDigit);

    /// <summary>Groups a NIP as printed on Indonesian documents: 8-6-1-3, "19670701 199209 1 001".</summary>
    public static string Group(string nip) =>
        IsValid(nip) ? $"{nip[..8]} {nip[8..14]} {nip[14..15]} {nip[15..]}" : nip;
}
