namespace KinerjaBot.Periods;

/// <summary>A unit that takes part in a newly opened period: whose head is to be told, and the submission they fill.</summary>
public sealed record InvitedUnit(string UnitId, string HeadId, long SubmissionId);
