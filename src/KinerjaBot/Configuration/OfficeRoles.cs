namespace KinerjaBot.Configuration;

/// <summary>Who plays which SOP part, by official id.</summary>
public sealed record OfficeRoles(string HeadId, string SecretaryId, string PlanningId, IReadOnlyList<string> OperatorIds);
