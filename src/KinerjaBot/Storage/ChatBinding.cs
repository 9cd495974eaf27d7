using KinerjaBot.Domain;
using KinerjaBot.Messaging;

namespace KinerjaBot.Storage;

/// <summary>A chat bound to an official after they proved their phone number (shared it on Telegram, wrote from it on WhatsApp).</summary>
public sealed record ChatBinding(string OfficialId, long ChatId, long UserId, DateTimeOffset BoundAt, bool Unreachable)
{
    public ChatChannel Channel => ChatAddress.ChannelOf(ChatId);
}
