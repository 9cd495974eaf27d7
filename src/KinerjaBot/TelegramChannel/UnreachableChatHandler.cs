using KinerjaBot.Configuration;
using KinerjaBot.Messaging;
using KinerjaBot.Storage;
using KinerjaBot.Telegram;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Exceptions;

namespace KinerjaBot.TelegramChannel;

/// <summary>
/// 403 from Telegram: the official blocked the bot. Their chat is marked unreachable (no more messages until they
/// write again) and every operator is told, so someone can reach them another way.
/// </summary>
public sealed class UnreachableChatHandler(KinerjaStore store, OfficeConfiguration office, TimeProvider timeProvider, ILogger<UnreachableChatHandler> logger) : IChatUnreachableHandler
{
    public async Task OnChatUnreachableAsync(long chatId, ApiRequestException error, CancellationToken cancellationToken)
    {
        await using var transaction = await store.BeginAsync(cancellationToken);
        var binding = await transaction.Chats.FindByChatAsync(chatId, cancellationToken);
        if (binding is null || binding.Unreachable)
        {
            return;
        }

        var official = office.Officials.FirstOrDefault(o => o.Id == binding.OfficialId);
        logger.LogWarning("Chat {ChatId} of official {OfficialId} is unreachable: {Error}", chatId, binding.OfficialId, error.Message);
        await transaction.Chats.MarkUnreachableAsync(chatId, cancellationToken);
        foreach (var operatorId in office.Roles.OperatorIds.Where(id => id != binding.OfficialId))
        {
            var operatorChat = await transaction.Chats.FindByOfficialAsync(operatorId, cancellationToken);
            if (operatorChat is { Unreachable: false })
            {
                await transaction.Outbox.EnqueueAsync(
                    operatorChat.ChatId,
                    OutgoingMessage.Plain($"Pesan KinerjaBot untuk {official?.Name ?? binding.OfficialId} tidak dapat dikirim karena bot diblokir di Telegram-nya. Mohon hubungi beliau agar membuka blokir lalu mengetik /start."),
                    timeProvider.GetUtcNow(),
                    cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
