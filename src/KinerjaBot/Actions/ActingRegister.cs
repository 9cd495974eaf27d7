using KinerjaBot.Configuration;
using KinerjaBot.Storage;
using KinerjaBot.Workflow;

namespace KinerjaBot.Actions;

/// <summary>
/// Every Plt. / Plh. assignment: those in office.yaml and those set with /wakil. Kept in memory because every button,
/// press and holder question asks it; a change made in a transaction is seen by the rest of that transaction at once
/// and undone if the transaction rolls back, so the register never disagrees with the store.
/// </summary>
public sealed class ActingRegister
{
    private readonly OfficeConfiguration _office;
    private readonly Lock _gate = new();
    private List<ActingAssignment> _stored;
    private (DateOnly Day, List<ActingAssignment> Stored, ActingRoster Roster)? _lastRoster;

    public ActingRegister(OfficeConfiguration office, IEnumerable<ActingAssignment>? stored = null)
    {
        _office = office;
        _stored = stored?.ToList() ?? [];
    }

    /// <summary>The register with the assignments stored in <paramref name="store"/>.</summary>
    public static ActingRegister Load(OfficeConfiguration office, KinerjaStore store)
    {
        // ReadAsync completes synchronously (SQLite opens in-process); this runs once, when the services are built.
        using var transaction = store.ReadAsync(CancellationToken.None).GetAwaiter().GetResult();
        return new ActingRegister(office, transaction.Acting.CurrentAsync(CancellationToken.None).GetAwaiter().GetResult());
    }

    /// <summary>Every assignment, configured first, then those set in chat in the order they were set.</summary>
    public IReadOnlyList<ActingAssignment> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _office.Acting, .. _stored];
            }
        }
    }

    /// <summary>Who stands in for whom on <paramref name="day"/> (office-local).</summary>
    public ActingRoster RosterOn(DateOnly day)
    {
        lock (_gate)
        {
            // Asked for every machine an update uses; the same day and the same list give the same (immutable) roster.
            if (_lastRoster is { } last && last.Day == day && ReferenceEquals(last.Stored, _stored))
            {
                return last.Roster;
            }

            var roster = new ActingRoster([.. _office.Acting, .. _stored], day);
            _lastRoster = (day, _stored, roster);
            return roster;
        }
    }

    /// <summary>An assignment for <paramref name="forId"/> that overlaps the given range, if any (one at a time per official).</summary>
    public ActingAssignment? Conflicting(string forId, string byId, DateOnly from, DateOnly to)
    {
        var range = new ActingAssignment(forId, byId, ActingKind.Plh, from, to, string.Empty);
        return All.FirstOrDefault(a => a.Overlaps(range) && (a.ForId == forId || a.ForId == byId || a.ById == forId));
    }

    /// <summary>Stores a /wakil assignment and registers it for the rest of the transaction and after it commits.</summary>
    public async Task<ActingAssignment> AddAsync(StoreTransaction transaction, string forId, string byId, ActingKind kind, DateOnly from, DateOnly to, string setBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var added = await transaction.Acting.AddAsync(forId, byId, kind, from, to, setBy, now, cancellationToken);
        Change(list => list.Add(added));
        transaction.OnRollback(() => Change(list => list.Remove(added)));
        return added;
    }

    /// <summary>Ends a /wakil assignment early; false when it is not one (office.yaml ranges are changed in the file).</summary>
    public async Task<bool> EndAsync(StoreTransaction transaction, ActingAssignment assignment, string endedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await transaction.Acting.EndAsync(assignment.Key, endedBy, now, cancellationToken))
        {
            return false;
        }

        Change(list => list.Remove(assignment));
        transaction.OnRollback(() => Change(list => list.Add(assignment)));
        return true;
    }

    private void Change(Action<List<ActingAssignment>> change)
    {
        lock (_gate)
        {
            // Copy on write: a roster built from the old list stays as it was.
            var copy = new List<ActingAssignment>(_stored);
            change(copy);
            _stored = copy;
        }
    }
}
