using KinerjaBot.Messaging;
using KinerjaBot.Storage;
using KinerjaBot.Telegram;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace KinerjaBot.TelegramChannel;

/// <summary>
/// Drains the stored queue of outgoing messages (<see cref="OutgoingQueue"/>, the transactional outbox) into the
/// rate-limited sending funnel, <see cref="TelegramSender"/>: oldest first and in order per chat. Each chat is worked on by its own task, so one chat's
/// retries never hold up another's replies. An item is marked sent only after Telegram accepted it, so a crash
/// re-sends at most the one in flight and never loses one.
/// </summary>
public sealed class OutgoingQueueDispatcher(KinerjaStore store, TelegramSender sender, TimeProvider timeProvider, ILogger<OutgoingQueueDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(5);

    // On a graceful stop, a send already on the wire may finish (and be recorded) for this long; cancelling it
    // at once would make the next start send it again.
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    private CancellationToken _sending;
    private CancellationToken _stopping;

    // Guarded by _gate: a worker can finish before Task.Run returns, so adding and removing must not interleave.
    private readonly Lock _gate = new();
    private readonly Dictionary<long, Task> _chatsInFlight = [];

    // Replaced before each pass; a Wake() during a pass completes the new one, so the next pass starts at once.
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Completed (and replaced) each time an item's outcome is recorded; see NextRecordAsync.
    private TaskCompletionSource _recorded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Completes when the next item's outcome (sent or given up) is recorded. Take it before reading the store, so a
    /// record made in between is not missed.
    /// </summary>
    public Task NextRecordAsync() => Volatile.Read(ref _recorded).Task;

    /// <summary>Something was queued: send it now instead of at the next poll.</summary>
    public void Wake() => Volatile.Read(ref _wake).TrySetResult();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var sending = new CancellationTokenSource();
        using var graceOnStop = stoppingToken.Register(() => sending.CancelAfter(StopGrace));
        _sending = sending.Token;
        _stopping = stoppingToken;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await StartPendingChatsAsync(stoppingToken);
                await WaitAsync(IdlePoll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Reading queued messages failed; retrying in {Pause}", RetryPause);
                await WaitAsync(RetryPause, stoppingToken);
            }
        }

        Task[] running;
        lock (_gate)
        {
            running = [.. _chatsInFlight.Values];
        }

        await Task.WhenAll(running);
    }

    /// <summary>Starts a worker for every chat with pending items that has none running.</summary>
    private async Task StartPendingChatsAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        IReadOnlyList<OutboxItem> pending;
        await using (var transaction = await store.BeginAsync(cancellationToken))
        {
            pending = await transaction.Outbox.PendingAsync(500, cancellationToken);
        }

        foreach (var chat in pending.GroupBy(i => i.ChatId))
        {
            lock (_gate)
            {
                // A chat already being worked on picks up its newer items on the pass after its worker ends.
                if (_chatsInFlight.ContainsKey(chat.Key))
                {
                    continue;
                }

                var items = chat.ToList();
                _chatsInFlight[chat.Key] = Task.Run(() => RunChatAsync(chat.Key, items, _sending), CancellationToken.None);
            }
        }
    }

    private async Task RunChatAsync(long chatId, IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken)
    {
        try
        {
            if (!await SendChatAsync(items, cancellationToken))
            {
                await Task.Delay(RetryPause, timeProvider, _stopping);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Sending to chat {ChatId} failed; retrying in {Pause}", chatId, RetryPause);
        }
        finally
        {
            lock (_gate)
            {
                _chatsInFlight.Remove(chatId);
            }

            Wake();
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

    /// <summary>Sends one chat's items in order; false when it stopped at a temporary failure, so nothing overtakes it.</summary>
    private async Task<bool> SendChatAsync(IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken)
    {
        for (var index = 0; index < items.Count && !_stopping.IsCancellationRequested; index++)
        {
            var item = items[index];
            try
            {
                var messageId = await SendAsync(item, cancellationToken);

                // Telegram has it: record that even while shutting down, or a restart would send it again.
                await RecordAsync(t => t.Outbox.MarkSentAsync(item.Id, messageId, timeProvider.GetUtcNow(), CancellationToken.None));
                await RemoveSupersededChoicesAsync(item, cancellationToken);
            }
            catch (ApiRequestException e) when (BotApiErrors.IsChatUnreachable(e))
            {
                // Blocked: the rest would fail the same way. They wait, marked, until the official writes again.
                logger.LogWarning("Chat {ChatId} is unreachable ({Error}); holding its {Count} queued item(s)", item.ChatId, e.Message, items.Count - index);
                foreach (var held in items.Skip(index))
                {
                    await RecordAsync(t => t.Outbox.MarkFailedAsync(held.Id, $"{OutgoingQueue.UnreachablePrefix} {e.Message}", timeProvider.GetUtcNow(), CancellationToken.None));
                }

                return true;
            }
            catch (ApiRequestException e) when (e.ErrorCode is 400 or 404)
            {
                // Telegram will never accept this one: record why and go on.
                logger.LogWarning("Giving up on outgoing item {ItemId} to chat {ChatId}: {Error}", item.Id, item.ChatId, e.Message);
                await RecordAsync(t => t.Outbox.MarkFailedAsync(item.Id, $"{e.ErrorCode} {e.Message}", timeProvider.GetUtcNow(), CancellationToken.None));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A document that can no longer be read (deleted, moved, no permission) would block the chat forever.
                logger.LogError("Outgoing item {ItemId} names a file that cannot be read: {Error}", item.Id, e.Message);
                await RecordAsync(t => t.Outbox.MarkFailedAsync(item.Id, $"unreadable file: {e.Message}", timeProvider.GetUtcNow(), CancellationToken.None));
            }
            catch (RequestException e)
            {
                // 429 and 5xx the sender gave up on, other API errors, and transport failures: try again later.
                logger.LogWarning("Outgoing item {ItemId} to chat {ChatId} not sent yet ({Error}); will retry", item.Id, item.ChatId, e.Message);
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Rewrites the decided message with the decision under it (which also drops its buttons), so the chat keeps a
    /// record of what was pressed. False when that cannot be done (a document, a split text, an unknown message):
    /// then only the buttons are removed.
    /// </summary>
    private async Task<bool> RecordOutcomeAsync(OutboxItem item, string outcome, CancellationToken cancellationToken)
    {
        OutgoingMessage? original;
        await using (var transaction = await store.BeginAsync(CancellationToken.None))
        {
            original = await transaction.Outbox.SentMessageAsync(item.ChatId, item.TargetMessageId!.Value, CancellationToken.None);
        }

        if (original is null || original.DocumentPath is not null || original.ToString().Length + outcome.Length > TelegramLimits.MaxMessageLength - 100)
        {
            return false;
        }

        try
        {
            var text = TelegramRenderer.Html([.. original.Text, new TextSpan("\n\n"), new TextSpan(outcome, Bold: true)]);
            await sender.EditMessageTextAsync(item.ChatId, item.TargetMessageId!.Value, text, ParseMode.Html, null, cancellationToken);
            return true;
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400)
        {
            logger.LogDebug("Could not note the decision on message {MessageId}: {Error}", item.TargetMessageId, e.Message);
            return false;
        }
    }

    /// <summary>Best effort: the older copy of the same decision loses its buttons once the new one is out.</summary>
    private async Task RemoveSupersededChoicesAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        if (item.Message?.SupersedeKey is not { } key)
        {
            return;
        }

        long? previous;
        await using (var transaction = await store.BeginAsync(CancellationToken.None))
        {
            previous = await transaction.Outbox.PreviousSentWithKeyAsync(item.ChatId, key, item.Id, CancellationToken.None);
        }

        if (previous is not { } messageId)
        {
            return;
        }

        try
        {
            await sender.EditMessageReplyMarkupAsync(item.ChatId, messageId, null, cancellationToken);
        }
        catch (RequestException e)
        {
            // Already without buttons, deleted, or Telegram busy: a stale press is still refused by the version check.
            logger.LogDebug("Could not remove superseded buttons of message {MessageId} in chat {ChatId}: {Error}", messageId, item.ChatId, e.Message);
        }
    }

    private async Task<long?> SendAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        if (item.Operation == OutboxOperation.RemoveChoices)
        {
            if (item.Outcome is { } outcome && await RecordOutcomeAsync(item, outcome, cancellationToken))
            {
                return null;
            }

            try
            {
                await sender.EditMessageReplyMarkupAsync(item.ChatId, item.TargetMessageId!.Value, null, cancellationToken);
            }
            catch (ApiRequestException e) when (e.ErrorCode == 400 && (e.Message.Contains("not modified", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("not found", StringComparison.OrdinalIgnoreCase)))
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
            var caption = text.Length == 0 ? null : text;
            return (await sender.SendDocumentAsync(item.ChatId, file, message.DocumentName ?? Path.GetFileName(path), caption, caption is null ? ParseMode.None : ParseMode.Html, markup, cancellationToken)).Id;
        }

        return (await sender.SendMessageAsync(item.ChatId, text, ParseMode.Html, markup, cancellationToken)).Id;
    }

    private async Task RecordAsync(Func<StoreTransaction, Task> change)
    {
        await using var transaction = await store.BeginAsync(CancellationToken.None);
        await change(transaction);
        await transaction.CommitAsync(CancellationToken.None);
        Interlocked.Exchange(ref _recorded, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }
}
