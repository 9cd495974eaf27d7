namespace KinerjaBot.Workflow;

/// <summary>
/// The one parameter every trigger takes (Stateless needs one shape per state, so one shape for all): who fires,
/// why (a return's reason) and, for a report sent back to a unit, which unit.
/// </summary>
public sealed record TransitionRequest(string ActorId, string? Reason = null, string? TargetUnitId = null)
{
    /// <summary>The reason without surrounding blanks, or null when none was given.</summary>
    public string? TrimmedReason => string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim();
}
