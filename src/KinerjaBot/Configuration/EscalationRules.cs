namespace KinerjaBot.Configuration;

/// <summary>
/// Who hears about whom when someone is late, already resolved to official ids (null = nobody above).
/// <see cref="Overrides"/> names a superior for one official and wins over the role rules. The loader rejects a
/// rule that makes someone their own superior.
/// </summary>
public sealed record EscalationRules(
    string? ForUnitHeads,
    string? ForPlanning,
    string? ForSecretary,
    string? ForHead,
    IReadOnlyDictionary<string, string?> Overrides)
{
    /// <summary>The SOP's line: unit heads (and any other verifier) → planning → secretary → head.</summary>
    public static EscalationRules Default(OfficeRoles roles) =>
        new(roles.PlanningId, roles.SecretaryId, roles.HeadId, null, new Dictionary<string, string?>(StringComparer.Ordinal));

    /// <summary>The superior of <paramref name="officialId"/>, or null when nobody is above them.</summary>
    public string? SuperiorOf(OfficeRoles roles, string officialId)
    {
        var superior = Overrides.TryGetValue(officialId, out var chosen) ? chosen
            : officialId == roles.HeadId ? ForHead
            : officialId == roles.SecretaryId ? ForSecretary
            : officialId == roles.PlanningId ? ForPlanning
            : ForUnitHeads;

        // A role rule can still land on the official themself (say the planning official heads a unit and
        // 'unit-heads: planning'); nobody is told about their own lateness.
        return superior == officialId ? null : superior;
    }
}
