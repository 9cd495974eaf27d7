using KinerjaBot.Configuration;

namespace KinerjaBot.Workflow;

/// <summary>
/// Who stands in for whom on one office-local day. The one place a role's official is resolved: every guard of every
/// machine asks <see cref="Admits"/>, so the buttons shown, the presses accepted and the holder of a step all agree
/// that during a Plt. / Plh. range the stand-in acts and the absent official does not.
/// </summary>
public sealed class ActingRoster
{
    private readonly Dictionary<string, ActingAssignment> _byAbsent;

    public ActingRoster(IEnumerable<ActingAssignment> assignments, DateOnly day)
    {
        Day = day;

        // Overlaps for one absent official are refused when they are set, so at most one covers a day.
        _byAbsent = assignments.Where(a => a.Covers(day)).GroupBy(a => a.ForId).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>Nobody stands in for anybody: every official acts for themselves.</summary>
    public static ActingRoster None { get; } = new([], DateOnly.MinValue);

    public DateOnly Day { get; }

    /// <summary>Who acts for <paramref name="officialId"/> today: their stand-in, or themselves.</summary>
    public string ActorFor(string officialId) => _byAbsent.TryGetValue(officialId, out var acting) ? acting.ById : officialId;

    /// <summary>The assignment that makes <paramref name="officialId"/> absent today, if any.</summary>
    public ActingAssignment? AbsenceOf(string officialId) => _byAbsent.GetValueOrDefault(officialId);

    /// <summary>Whether <paramref name="actorId"/> plays <paramref name="role"/> today, as themselves or for an absent member.</summary>
    public bool Admits(WorkflowRole role, string actorId) => role.OfficialIds.Any(id => ActorFor(id) == actorId);

    /// <summary>
    /// The assignment through which <paramref name="actorId"/> plays <paramref name="role"/>, or null when they play it
    /// as themselves (a member of the role who is present).
    /// </summary>
    public ActingAssignment? ActingIn(WorkflowRole role, string actorId)
    {
        if (role.OfficialIds.Contains(actorId) && ActorFor(actorId) == actorId)
        {
            return null;
        }

        return role.OfficialIds.Select(id => _byAbsent.GetValueOrDefault(id)).FirstOrDefault(a => a?.ById == actorId);
    }
}
