using KinerjaBot.Workflow;

namespace KinerjaBot.Conversations;

/// <summary>
/// One <c>Kembalikan</c> waiting for its reason: the item and the version the button was shown for, where a report
/// goes back to (<see cref="TargetUnitId"/>, null for the previous stage), and the messages whose buttons the
/// decision replaces.
/// </summary>
public sealed record PendingReturn(long InstanceId, int Version, WorkflowTrigger Trigger, string? TargetUnitId, long? SourceMessageId, long? EarlierMessageId)
{
    /// <summary>Whether this is the same return as <paramref name="other"/> (pressed again), whatever the version.</summary>
    public bool SameItemAs(PendingReturn other) => InstanceId == other.InstanceId && TargetUnitId == other.TargetUnitId;
}
