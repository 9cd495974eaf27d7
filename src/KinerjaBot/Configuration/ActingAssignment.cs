namespace KinerjaBot.Configuration;

/// <summary>
/// <paramref name="ById"/> acts for <paramref name="ForId"/> as Plt. or Plh. from <paramref name="From"/> to
/// <paramref name="To"/> (office-local dates, both included). <paramref name="Key"/> tells assignments apart in the
/// store ("config:…" for office.yaml, "chat:…" for one set with /wakil), so each is announced once.
/// </summary>
public sealed record ActingAssignment(string ForId, string ById, ActingKind Kind, DateOnly From, DateOnly To, string Key)
{
    public const string ChatKeyPrefix = "chat:";

    public ActingCapacity Capacity => new(ForId, Kind);

    /// <summary>Set with /wakil (and so can be ended in chat), not read from office.yaml.</summary>
    public bool SetInChat => Key.StartsWith(ChatKeyPrefix, StringComparison.Ordinal);

    public bool Covers(DateOnly day) => day >= From && day <= To;

    public bool Overlaps(ActingAssignment other) => From <= other.To && other.From <= To;

    /// <summary>The key of an assignment from office.yaml: the same line always gets the same key, across restarts.</summary>
    public static string ConfigKey(string forId, string byId, ActingKind kind, DateOnly from, DateOnly to) =>
        FormattableString.Invariant($"config:{forId}:{byId}:{kind}:{from:yyyy-MM-dd}:{to:yyyy-MM-dd}");
}
