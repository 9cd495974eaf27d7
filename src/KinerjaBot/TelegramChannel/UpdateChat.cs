using Telegram.Bot.Types;

namespace KinerjaBot.TelegramChannel;

/// <summary>Which chat an update belongs to, so one chat's updates are applied in order while chats run in parallel.</summary>
public static class UpdateChat
{
    /// <summary>The chat id; an update without one gets its own id, so it shares a lane with nothing in particular.</summary>
    public static long Of(Update update) =>
        update.Message?.Chat.Id ?? update.CallbackQuery?.Message?.Chat.Id ?? update.CallbackQuery?.From.Id ?? update.Id;
}
