using System.Globalization;
using KinerjaBot.Domain;

namespace KinerjaBot.Messaging;

/// <summary>
/// Chats of both channels share one key space of <c>long</c> chat ids, so the conversation kernel, the bindings and
/// the outbox need no second key. Telegram private chats are positive; a WhatsApp chat is the negated wa id (its
/// number with country code), so the two can never collide. Why: docs/decisions/0016.
/// </summary>
public static class ChatAddress
{
    public static ChatChannel ChannelOf(long chatId) => chatId < 0 ? ChatChannel.WhatsApp : ChatChannel.Telegram;

    /// <summary>The chat id of WhatsApp user <paramref name="waId"/> (digits only, e.g. "6281234567890").</summary>
    public static long FromWhatsAppId(string waId) =>
        -long.Parse(waId, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>Whether <paramref name="waId"/> is a wa id this bot can address (1–15 digits, E.164 without the plus).</summary>
    public static bool IsWhatsAppId(string? waId) =>
        waId is { Length: > 0 and <= 15 } && waId.All(char.IsAsciiDigit) && waId.Any(c => c != '0');

    public static string WhatsAppIdOf(long chatId) => chatId < 0
        ? (-chatId).ToString(CultureInfo.InvariantCulture)
        : throw new ArgumentOutOfRangeException(nameof(chatId), chatId, "Not a WhatsApp chat id.");

    /// <summary>The stored name of a channel.</summary>
    public static string StoredName(ChatChannel channel) => channel == ChatChannel.WhatsApp ? "whatsapp" : "telegram";

    public static ChatChannel ParseStoredName(string name) => name == "whatsapp" ? ChatChannel.WhatsApp : ChatChannel.Telegram;
}
