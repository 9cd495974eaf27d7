using System.Text.Json.Nodes;

namespace KinerjaBot.Sandbox;

/// <summary>
/// An update not yet confirmed by the bot. A redelivered one ignores the offset until it has been handed out
/// once more, because its id is already below the bot's offset (which is the whole point of redelivery).
/// </summary>
internal sealed class PendingUpdate(long updateId, JsonObject json, bool redelivered)
{
    public long UpdateId { get; } = updateId;

    public JsonObject Json { get; } = json;

    public bool Redelivered { get; } = redelivered;

    public bool DeliveredAgain { get; set; }
}
