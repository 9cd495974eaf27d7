namespace KinerjaBot.Configuration;

/// <summary>
/// How an official stands in for an absent one (Indonesian civil-service convention): Plt. (Pelaksana Tugas) when the
/// post is vacant or the holder is away for long, Plh. (Pelaksana Harian) for a short absence. Either way the stand-in
/// signs under the absent official's position with their own name, rank and NIP.
/// </summary>
public enum ActingKind
{
    /// <summary>Pelaksana Tugas.</summary>
    Plt,

    /// <summary>Pelaksana Harian.</summary>
    Plh,
}
