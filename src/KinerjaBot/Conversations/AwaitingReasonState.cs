namespace KinerjaBot.Conversations;

/// <summary>
/// Returns (<c>Kembalikan</c>) waiting for their reasons, one per item, oldest first. When more than one waits, a
/// typed reason is held in <see cref="HeldReason"/> until the official picks the item it is for.
/// </summary>
public sealed record AwaitingReasonState(IReadOnlyList<PendingReturn> Returns, string? HeldReason = null) : ChatState
{
    public override ConversationMode Mode => ConversationMode.AwaitingReason;

    /// <summary>This state without <paramref name="done"/>, or idle when nothing is left to ask.</summary>
    public ChatState Without(PendingReturn done)
    {
        var rest = Returns.Where(r => !r.SameItemAs(done)).ToList();
        return rest.Count == 0 ? IdleState.Instance : new AwaitingReasonState(rest);
    }

    /// <summary>
    /// This state without the returns of an instance that moved on (they are moot), or idle when nothing is left.
    /// A held reason stays: it was typed for one of the others.
    /// </summary>
    public ChatState WithoutInstance(long instanceId)
    {
        var rest = Returns.Where(r => r.InstanceId != instanceId).ToList();
        return rest.Count == 0 ? IdleState.Instance : this with { Returns = rest };
    }

    /// <summary>Returns no longer pending in <paramref name="after"/> (answered, dropped, or moot).</summary>
    public IReadOnlyList<PendingReturn> GoneIn(ChatState after)
    {
        var still = after is AwaitingReasonState next ? next.Returns : [];
        return Returns.Where(r => !still.Any(s => s.SameItemAs(r))).ToList();
    }
}
