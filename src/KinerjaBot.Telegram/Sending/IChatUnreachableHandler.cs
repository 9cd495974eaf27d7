using Telegram.Bot.Exceptions;

namespace KinerjaBot.Telegram;

/// <summary>
/// Told by <see cref="TelegramSender"/> when Telegram answers 403 for a chat: the user blocked the bot, deleted
/// their account, or removed the bot. Retrying cannot help, so the host should mark the official unreachable and
/// tell the operator, who can reach them another way.
/// </summary>
public interface IChatUnreachableHandler
{
    /// <summary>Called once per failed send; the send itself still fails with <paramref name="error"/>.</summary>
    Task OnChatUnreachableAsync(long chatId, ApiRequestException error, CancellationToken cancellationToken);
}
