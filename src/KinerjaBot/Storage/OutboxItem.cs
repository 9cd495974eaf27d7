using KinerjaBot.Domain;
using KinerjaBot.Messaging;

namespace KinerjaBot.Storage;

/// <summary>
/// A queued outgoing item: a message to send, or buttons to remove from message <see cref="TargetMessageId"/>,
/// noting under it what was decided (<see cref="Outcome"/>, e.g. "Disetujui") when there is one.
/// <see cref="IsReply"/>: queued while applying an update from this same chat, so a person is waiting for it.
/// <see cref="TargetRowId"/>: a removal aimed at the message an outbox row becomes, queued while that row was on its way
/// (<see cref="TargetMessageId"/> is then null until the dispatcher looks it up).
/// </summary>
public sealed record OutboxItem(long Id, long ChatId, OutboxOperation Operation, OutgoingMessage? Message, long? TargetMessageId, string? Outcome = null, bool IsReply = false, long? TargetRowId = null)
{
    public ChatChannel Channel => ChatAddress.ChannelOf(ChatId);
}
