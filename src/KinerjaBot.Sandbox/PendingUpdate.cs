using Telegram.Bot.Types;

namespace KinerjaBot.Sandbox;

/// <summary>
/// An update not yet confirmed by the bot. A redelivered one ignores the offset until it has been handed out
/// once more, because its id is already below the bot's offset (which is the whole point of redelivery).
/// </summary>
internal sealed class PendingUpdate(Update update, bool redelivered)
{
    public Update Update { get; } = update;

    public long UpdateId => Update.Id;

    public bool Redelivered { get; } = redelivered;

    public bool DeliveredAgain { get; set; }
}
