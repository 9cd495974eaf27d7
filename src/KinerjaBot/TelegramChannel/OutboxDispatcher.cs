using KinerjaBot.Messaging;
using KinerjaBot.Storage;
using KinerjaBot.Telegram;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KinerjaBot.TelegramChannel;

/// <summary>
/// Sends what the conversation queued in the <see cref="OutgoingQueue"/>, oldest first and in order per chat,
/// through the rate-limited <see cref="TelegramOutbox"/>. An item is marked sent only after Telegram accepted it,
/// so a crash re-sends at most the one in flight and never loses one.
/// </summary>
public sealed class OutboxDispatcher(KinerjaStore store, TelegramOutbox outbox, TimeProvider timeProvider, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(5);

    // Replaced before each pass; a Wake() during a pass completes the new one, so the next pass starts at once.
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Something was queued: send it now instead of at the next poll.</summary>
    public void Wake() => Volatile.Read(ref _wake).TrySetResult();

    /// <summary>Sends everything pending now; returns how many items are still pending after a failure.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        IReadOnlyList<OutboxItem> pending;
        await using (var transaction = await store.BeginAsync(cancellationToken))
        {
            pending = await transaction.Outbox.PendingAsync(500, cancellationToken);
        }

        var results = await Task.WhenAll(pending.GroupBy(i => i.ChatId).Select(chat => SendChatAsync(chat.ToList(), cancellationToken)));
        return results.Sum();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var stuck = await DrainAsync(stoppingToken);
                await WaitAsync(stuck > 0 ? RetryPause : IdlePoll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Sending queued messages failed; retrying in {Pause}", RetryPause);
                await WaitAsync(RetryPause, stoppingToken);
            }
        }
    }

    private async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await Volatile.Read(ref _wake).Task.WaitAsync(timeout, timeProvider, cancellationToken);
        }
        catch (TimeoutException)
        {
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Sends one chat's items in order; stops at a temporary failure so nothing overtakes it.</summary>
    private async Task<int> SendChatAsync(IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken)
    {
        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            try
            {
                var messageId = await SendAsync(item, cancellationToken);
                await RecordAsync(t => t.Outbox.MarkSentAsync(item.Id, messageId, timeProvider.GetUtcNow(), cancellationToken), cancellationToken);
            }
            catch (TelegramApiException e) when (e.ErrorCode is 400 or 403 or 404)
            {
                // Telegram will never accept this one (bad request, blocked bot): record why and go on.
                logger.LogWarning("Giving up on outgoing item {ItemId} to chat {ChatId}: {Error}", item.Id, item.ChatId, e.Description);
                await RecordAsync(t => t.Outbox.MarkFailedAsync(item.Id, $"{e.ErrorCode} {e.Description}", timeProvider.GetUtcNow(), cancellationToken), cancellationToken);
            }
            catch (FileNotFoundException e)
            {
                logger.LogError("Outgoing item {ItemId} names a missing file {File}", item.Id, e.FileName);
                await RecordAsync(t => t.Outbox.MarkFailedAsync(item.Id, $"missing file {e.FileName}", timeProvider.GetUtcNow(), cancellationToken), cancellationToken);
            }
            catch (TelegramException e)
            {
                logger.LogWarning("Outgoing item {ItemId} to chat {ChatId} not sent yet ({Error}); will retry", item.Id, item.ChatId, e.Message);
                return items.Count - index;
            }
        }

        return 0;
    }

    private async Task<long?> SendAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        if (item.Operation == OutboxOperation.RemoveChoices)
        {
            try
            {
                await outbox.EditMessageReplyMarkupAsync(item.ChatId, item.TargetMessageId!.Value, null, cancellationToken);
            }
            catch (TelegramApiException e) when (e.ErrorCode == 400 && (e.Description.Contains("not modified", StringComparison.OrdinalIgnoreCase) || e.Description.Contains("not found", StringComparison.OrdinalIgnoreCase)))
            {
                // Already without buttons, or deleted by the user: the goal is met.
            }

            return null;
        }

        var message = item.Message!;
        var text = TelegramRenderer.Html(message.Text);
        var markup = TelegramRenderer.Markup(message);
        if (message.DocumentPath is { } path)
        {
            await using var file = File.OpenRead(path);
            var name = message.DocumentName ?? Path.GetFileName(path);
            if (MessageText.ToPlainText(message.Text).Length <= TelegramLimits.MaxCaptionLength)
            {
                return (await outbox.SendDocumentAsync(item.ChatId, file, name, text, ParseMode.Html, markup, cancellationToken)).MessageId;
            }

            // Captions stop at 1024 characters (a long return reason gets there): the file goes first, then the
            // full text with the buttons as an ordinary message.
            await outbox.SendDocumentAsync(item.ChatId, file, name, cancellationToken: cancellationToken);
        }

        return (await outbox.SendMessageAsync(item.ChatId, text, ParseMode.Html, markup, cancellationToken)).MessageId;
    }

    private async Task RecordAsync(Func<StoreTransaction, Task> change, CancellationToken cancellationToken)
    {
        await using var transaction = await store.BeginAsync(cancellationToken);
        await change(transaction);
        await transaction.CommitAsync(cancellationToken);
    }
}
