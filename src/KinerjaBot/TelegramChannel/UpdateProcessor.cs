using KinerjaBot.Actions;
using KinerjaBot.Conversations;
using KinerjaBot.Messaging;
using KinerjaBot.Storage;
using KinerjaBot.Telegram;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace KinerjaBot.TelegramChannel;

/// <summary>
/// Applies one update at most once: its effects, its outgoing messages and its processed id commit in one
/// transaction. A press is answered right after that transaction, before any message goes out. A press on a copy
/// of a message the outbox could not record (see <see cref="PressedMessageCheck"/>) does nothing but lose its buttons.
/// </summary>
public sealed class UpdateProcessor(
    KinerjaStore store,
    UpdateTranslator translator,
    ConversationRouter router,
    TelegramSender sender,
    OutgoingQueueDispatcher dispatcher,
    PressedMessageCheck pressedMessages,
    TimeProvider timeProvider,
    ILogger<UpdateProcessor> logger)
{
    /// <summary>
    /// Applies the update and returns as soon as its transaction has committed (or it was skipped), with the press's
    /// answer and the dispatcher's wake-up still on their way in the returned task: the poller and the webhook need
    /// only the commit before they confirm the update, so a slow answerCallbackQuery on a weak link no longer holds the
    /// next batch, and with it every other official (decisions/0024). The returned task never fails; nobody needs to await it.
    /// </summary>
    /// <param name="update">The update.</param>
    /// <param name="receivedAt">When getUpdates handed it over: a press's answer is worth trying only for a while after that.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    public async Task<Task> ApplyAsync(Update update, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        string? notice = null;
        var answered = Task.CompletedTask;
        try
        {
            notice = await ApplyInTransactionAsync(update, cancellationToken);
        }
        catch (Exception e) when (IsTemporary(e) && !cancellationToken.IsCancellationRequested)
        {
            // Telegram or the disk hiccuped: let the batch fail, so its offset is not confirmed and the update comes again.
            logger.LogWarning("Update {UpdateId} hit a temporary failure ({Error}); it will be retried", update.Id, e.Message);
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A bug or a broken file must not block this chat forever: record the update as handled and apologise.
            logger.LogError(e, "Update {UpdateId} failed; it is skipped and the sender is told to try again", update.Id);
            notice = BotTexts.SomethingWentWrong;
            await SkipWithApologyAsync(update, cancellationToken);
        }
        finally
        {
            answered = AnswerThenWakeAsync(update, notice, receivedAt, cancellationToken);
        }

        return answered;
    }

    /// <summary>The update's effects, outgoing messages and processed id in one transaction; the press's notice, if any.</summary>
    private async Task<string?> ApplyInTransactionAsync(Update update, CancellationToken cancellationToken)
    {
        // Only a file is worth a look before the write transaction: a redelivered one must not be downloaded
        // again, and only a bound chat may download at all. Anything else is checked once, inside the transaction.
        var mayDownload = false;
        if (UpdateTranslator.CarriesFile(update))
        {
            await using var check = await store.ReadAsync(cancellationToken);
            if (await check.Telegram.IsProcessedAsync(update.Id, cancellationToken))
            {
                logger.LogInformation("Update {UpdateId} was already applied; skipping the redelivery", update.Id);
                return null;
            }

            mayDownload = await check.Chats.FindByChatAsync(update.Message!.Chat.Id, cancellationToken) is not null;
        }

        // Decided outside the transaction: it may wait a moment for the dispatcher to record the pressed message.
        var staleCopy = update.CallbackQuery?.Message is { } pressed
            && await pressedMessages.IsUnrecordedCopyAsync(pressed.Chat.Id, pressed.Id, cancellationToken);
        var incoming = staleCopy ? null : await translator.TranslateAsync(update, mayDownload, cancellationToken);

        // Shared with the other updates applied at this moment, each in its own savepoint (decisions/0028).
        return await store.WriteTogetherAsync(
            async (transaction, stepCancellation) =>
            {
                if (await transaction.Telegram.IsProcessedAsync(update.Id, stepCancellation))
                {
                    logger.LogInformation("Update {UpdateId} was already applied; skipping the redelivery", update.Id);
                    return null;
                }

                string? notice = null;
                var now = timeProvider.GetUtcNow();
                transaction.Outbox.ReplyChatId = update.Message?.Chat.Id ?? update.CallbackQuery?.Message?.Chat.Id;
                if (staleCopy)
                {
                    var copy = update.CallbackQuery!.Message!;
                    logger.LogInformation("Button pressed on unrecorded copy {MessageId} in chat {ChatId}; answered as stale", copy.Id, copy.Chat.Id);
                    notice = BotTexts.StaleCopy;
                    await transaction.Outbox.EnqueueRemoveChoicesAsync(copy.Chat.Id, copy.Id, now, stepCancellation);
                }
                else if (incoming is not null)
                {
                    notice = await router.HandleAsync(incoming, transaction, now, stepCancellation);
                }

                await transaction.Telegram.MarkProcessedAsync(update.Id, now, stepCancellation);
                return notice;
            },
            cancellationToken);
    }

    private async Task AnswerThenWakeAsync(Update update, string? notice, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        try
        {
            if (update.CallbackQuery is { } callback)
            {
                // Also a redelivered press: if its first answer was lost (a crash right after the commit), this one
                // still stops the spinner; if not, Telegram refuses the second with a harmless 400. Answered before
                // the wake-up, so the toast comes before the edit it announces.
                await AnswerAsync(callback.Id, notice, receivedAt, cancellationToken);
            }
        }
        catch (Exception e)
        {
            // Nobody awaits this in the poller: an answer that failed in another way is only worth a line.
            logger.LogInformation("Could not answer the press of update {UpdateId}: {Error}", update.Id, e.Message);
        }
        finally
        {
            dispatcher.Wake();
        }
    }

    private static bool IsTemporary(Exception e) =>
        BotApiErrors.IsTemporary(e)
            || KinerjaStore.IsTemporaryFailure(e);

    private async Task SkipWithApologyAsync(Update update, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await store.BeginAsync(cancellationToken);
            var now = timeProvider.GetUtcNow();
            await transaction.Telegram.MarkProcessedAsync(update.Id, now, cancellationToken);
            var chatId = update.Message?.Chat.Id ?? update.CallbackQuery?.Message?.Chat.Id;
            if (chatId is { } id && update.CallbackQuery is null)
            {
                await transaction.Outbox.EnqueueAsync(id, OutgoingMessage.Plain(BotTexts.SomethingWentWrong), now, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Failing the batch keeps its offset unconfirmed, so the update really is retried.
            logger.LogError(e, "Could not record failed update {UpdateId}; it will be retried", update.Id);
            throw;
        }
    }

    private async Task AnswerAsync(string callbackId, string? notice, DateTimeOffset pressedAt, CancellationToken cancellationToken)
    {
        try
        {
            await sender.AnswerCallbackQueryAsync(callbackId, notice, showAlert: false, pressedAt, cancellationToken);
        }
        catch (RequestException e)
        {
            // Already answered or too old (400): the press was handled, and nothing more can be shown on it.
            logger.LogInformation("Could not answer button press {CallbackId}: {Error}", callbackId, e.Message);
        }
    }
}
