using KinerjaBot.Domain;
using KinerjaBot.Messaging;
using KinerjaBot.Storage;
using KinerjaBot.Telegram;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace KinerjaBot.TelegramChannel;

/// <summary>
/// Drains the stored queue of outgoing messages (<see cref="OutgoingQueue"/>, the transactional outbox) into the
/// rate-limited sending funnel, <see cref="TelegramSender"/>: oldest first and in order per chat. Each chat is worked on by its own task, so one chat's
/// retries never hold up another's replies. An item is marked sent only after Telegram accepted it, so a crash
/// re-sends at most the one in flight and never loses one.
/// </summary>
public sealed class OutgoingQueueDispatcher(KinerjaStore store, TelegramSender sender, IEnumerable<IOutboxChannel> otherChannels, TimeProvider timeProvider, ILogger<OutgoingQueueDispatcher> logger) : BackgroundService, IOutboxSignal
{
    private readonly Dictionary<ChatChannel, IOutboxChannel> _otherChannels = otherChannels.ToDictionary(c => c.Channel);

    // Outcomes recorded while another commit runs share the next transaction (group commit).
    private readonly OutboxRecorder _recorder = new(store);

    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(5);

    // How often an instance that does not hold the sender's lease asks again (it takes over when the holder dies).
    private static readonly TimeSpan LeaseRetry = TimeSpan.FromSeconds(2);

    // On a graceful stop, a send already on the wire may finish (and be recorded) for this long; cancelling it
    // at once would make the next start send it again.
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    // Beyond this many new items a pass reads the rest in the next one, at once.
    private const int BatchSize = 500;

    // Every so often the whole pending queue is read again (skipping what is held in memory): items held for an
    // unreachable chat are queued again by an update (RequeueUnreachableAsync), below the highest id read so far.
    private static readonly TimeSpan FullScanEvery = TimeSpan.FromSeconds(2);

    private CancellationToken _sending;
    private CancellationToken _stopping;

    // Guarded by _gate: the loop adds items and starts workers, a worker takes them and removes itself when done.
    private readonly Lock _gate = new();
    private readonly Dictionary<long, ChatQueue> _chats = [];

    // Ids held in a chat queue (waiting or in flight); guarded by _gate.
    private readonly HashSet<long> _held = [];

    // Ids recorded (sent or given up) while a full scan is under way: its snapshot may still show them as pending.
    private readonly HashSet<long> _recordedDuringScan = [];
    private bool _scanning;
    private bool _fullScanDue = true;

    // Highest outbox id read; only the loop touches it.
    private long _highWater;
    private long _lastFullScan;

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
        // Several instances on one database: only the one holding the sender's lease sends, so each row goes out once
        // and Telegram's per-chat and bot-wide limits hold for the bot as a whole. With SQLite it is always this one.
        while (!stoppingToken.IsCancellationRequested)
        {
            await using (var lease = await TryLeadAsync(stoppingToken))
            {
                if (lease is not null)
                {
                    lease.WrittenElsewhere += Wake;
                    using var leading = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lease.Lost);
                    await SendWhileLeadingAsync(leading.Token);
                    if (lease.Lost.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
                    {
                        logger.LogWarning("This instance lost the sender's lease; another instance sends now");
                    }

                    continue;
                }
            }

            await WaitAsync(LeaseRetry, stoppingToken);
        }
    }

    private async Task<StoreLease?> TryLeadAsync(CancellationToken stoppingToken)
    {
        try
        {
            return await store.TryLeadAsync(LeaseRole.Sender, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Could not ask the database for the sender's lease ({Error}); trying again in {Pause}", e.Message, LeaseRetry);
            return null;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Drains the queue until <paramref name="stoppingToken"/> fires (shutdown, or the lease lost), then lets the chats' workers finish.</summary>
    private async Task SendWhileLeadingAsync(CancellationToken stoppingToken)
    {
        lock (_gate)
        {
            // What another instance sent while this one was not leading is in the store, not in memory: read it all again.
            // The previous turn's workers have all finished (awaited at its end), so nothing in memory is still held.
            _fullScanDue = true;
            _highWater = 0;
            _held.Clear();
            _chats.Clear();
            _recordedDuringScan.Clear();
        }

        using var sending = new CancellationTokenSource();
        using var graceOnStop = stoppingToken.Register(() => sending.CancelAfter(StopGrace));
        _sending = sending.Token;
        _stopping = stoppingToken;
        _lastFullScan = timeProvider.GetTimestamp();
        await WaitOutEarlierSendsAsync(stoppingToken);
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
                lock (_gate)
                {
                    _fullScanDue = true;
                }

                await WaitAsync(RetryPause, stoppingToken);
            }
        }

        Task[] running;
        lock (_gate)
        {
            running = [.. _chats.Values.Select(c => c.Worker)];
        }

        await Task.WhenAll(running);
    }

    /// <summary>
    /// The sends of whoever sent before (an instance that died or stopped a moment ago, or this one before a restart)
    /// still count at Telegram for a while, but this instance's limiter never saw them: its fresh buckets would let a
    /// chat that just had three messages have three more at once. So after a recent send the first one waits until
    /// none of those counts any more, and the per-chat and bot-wide limits hold across the takeover.
    /// </summary>
    private async Task WaitOutEarlierSendsAsync(CancellationToken stoppingToken)
    {
        var memory = sender.LimitMemory;
        DateTimeOffset? lastSent;
        try
        {
            await using var read = await store.ReadAsync(stoppingToken);
            lastSent = await read.Outbox.LastSentAtAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            logger.LogWarning("Could not read when the outbox last sent ({Error}); waiting {Wait} before sending, to be safe", e.Message, memory);
            lastSent = timeProvider.GetUtcNow();
        }

        // Measured from now, not from that send: an edit after it, or a send the previous holder made but could not
        // record before it died, came later.
        if (lastSent is { } last && timeProvider.GetUtcNow() - last < memory)
        {
            logger.LogInformation("Took over sending a moment after the last send; waiting {Wait} so Telegram's limits hold across the takeover", memory);
            try
            {
                await Task.Delay(memory, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    /// <summary>
    /// Reads the items queued since the last pass (all pending ones now and then) into the chats' in-memory queues
    /// and starts a worker for every chat that has none running.
    /// </summary>
    private async Task StartPendingChatsAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        bool full;
        lock (_gate)
        {
            full = _fullScanDue || timeProvider.GetElapsedTime(_lastFullScan) >= FullScanEvery;
            _fullScanDue = false;
            if (full)
            {
                _scanning = true;
                _recordedDuringScan.Clear();
            }
        }

        IReadOnlyList<OutboxItem> pending;
        try
        {
            await using var read = await store.ReadAsync(cancellationToken);
            pending = full
                ? await read.Outbox.PendingAsync(0, int.MaxValue, IsHeld, cancellationToken)
                : await read.Outbox.PendingAsync(_highWater, BatchSize, null, cancellationToken);
        }
        finally
        {
            if (full)
            {
                lock (_gate)
                {
                    _scanning = false;
                }
            }
        }

        if (full)
        {
            _lastFullScan = timeProvider.GetTimestamp();
        }
        else if (pending.Count == BatchSize)
        {
            Wake();
        }

        lock (_gate)
        {
            foreach (var item in pending)
            {
                _highWater = Math.Max(_highWater, item.Id);
                if (_held.Contains(item.Id) || _recordedDuringScan.Contains(item.Id))
                {
                    continue;
                }

                _held.Add(item.Id);
                if (!_chats.TryGetValue(item.ChatId, out var chat))
                {
                    chat = new ChatQueue();
                    _chats[item.ChatId] = chat;
                    var chatId = item.ChatId;
                    chat.Worker = Task.Run(() => RunChatAsync(chatId, chat, _sending), CancellationToken.None);
                }

                chat.Items.Add(item);
            }

            _recordedDuringScan.Clear();
        }
    }

    private bool IsHeld(long id)
    {
        lock (_gate)
        {
            return _held.Contains(id) || _recordedDuringScan.Contains(id);
        }
    }

    /// <summary>Sends one chat's items in order until its queue is empty; a temporary failure retries the same item.</summary>
    private async Task RunChatAsync(long chatId, ChatQueue chat, CancellationToken cancellationToken)
    {
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                OutboxItem item;
                List<OutboxItem> rest;
                lock (_gate)
                {
                    if (chat.Items.Count == 0)
                    {
                        _chats.Remove(chatId);
                        return;
                    }

                    item = NextOf(chat.Items);
                    rest = [item, .. chat.Items.Where(i => i != item)];
                }

                var outcome = await SendOneAsync(item, rest, cancellationToken);
                if (outcome == ItemOutcome.RetryLater)
                {
                    // Nothing overtakes it: the chat waits and tries the same item again.
                    await Task.Delay(RetryPause, timeProvider, _stopping);
                    continue;
                }

                lock (_gate)
                {
                    foreach (var done in outcome == ItemOutcome.ChatHeld ? rest : [item])
                    {
                        chat.Items.Remove(done);
                        Forget(done.Id);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested || _stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Sending to chat {ChatId} failed; retrying in {Pause}", chatId, RetryPause);
            try
            {
                await Task.Delay(RetryPause, timeProvider, _stopping);
            }
            catch (OperationCanceledException)
            {
            }
        }

        // Stopped or failed: drop what is held in memory; what is still pending in the store is read again.
        lock (_gate)
        {
            foreach (var left in chat.Items)
            {
                _held.Remove(left.Id);
            }

            chat.Items.Clear();

            _chats.Remove(chatId);
            _fullScanDue = true;
        }

        Wake();
    }

    // Under _gate.
    private void Forget(long id)
    {
        _held.Remove(id);
        if (_scanning)
        {
            _recordedDuringScan.Add(id);
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

    /// <summary>Sends one item and records its outcome; <paramref name="queued"/> is the chat's queue, this item first.</summary>
    private async Task<ItemOutcome> SendOneAsync(OutboxItem item, IReadOnlyList<OutboxItem> queued, CancellationToken cancellationToken)
    {
        if (item.Channel != ChatChannel.Telegram)
        {
            return await DeliverElsewhereAsync(item, queued, cancellationToken);
        }

        try
        {
            var messageId = await SendAsync(item, queued, cancellationToken);

            // Telegram has it: record that even while shutting down, or a restart would send it again.
            await RecordAsync(t => t.Outbox.MarkSentAsync(item.Id, messageId, timeProvider.GetUtcNow(), CancellationToken.None));
            await RemoveSupersededChoicesAsync(item, cancellationToken);
            return ItemOutcome.Done;
        }
        catch (ApiRequestException e) when (BotApiErrors.IsChatUnreachable(e))
        {
            // Blocked: the rest would fail the same way. They wait, marked, until the official writes again.
            logger.LogWarning("Chat {ChatId} is unreachable ({Error}); holding its {Count} queued item(s)", item.ChatId, e.Message, queued.Count);
            foreach (var held in queued)
            {
                await RecordAsync(t => t.Outbox.MarkFailedAsync(held.Id, $"{OutgoingQueue.UnreachablePrefix} {e.Message}", timeProvider.GetUtcNow(), CancellationToken.None));
            }

            return ItemOutcome.ChatHeld;
        }
        catch (ApiRequestException e) when (e.ErrorCode is 400 or 404)
        {
            // Telegram will never accept this one: record why and go on.
            logger.LogWarning("Giving up on outgoing item {ItemId} to chat {ChatId}: {Error}", item.Id, item.ChatId, e.Message);
            await RecordAsync(t => t.Outbox.MarkFailedAsync(item.Id, $"{e.ErrorCode} {e.Message}", timeProvider.GetUtcNow(), CancellationToken.None));
            return ItemOutcome.Done;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A document that can no longer be read (deleted, moved, no permission) would block the chat forever.
            logger.LogError("Outgoing item {ItemId} names a file that cannot be read: {Error}", item.Id, e.Message);
            await RecordAsync(t => t.Outbox.MarkFailedAsync(item.Id, $"unreadable file: {e.Message}", timeProvider.GetUtcNow(), CancellationToken.None));
            return ItemOutcome.Done;
        }
        catch (RequestException e)
        {
            // 429 and 5xx the sender gave up on, other API errors, and transport failures: try again later.
            logger.LogWarning("Outgoing item {ItemId} to chat {ChatId} not sent yet ({Error}); will retry", item.Id, item.ChatId, e.Message);
            return ItemOutcome.RetryLater;
        }
    }

    /// <summary>A row for another channel (WhatsApp): that channel sends it, this loop keeps the order and records it.</summary>
    private async Task<ItemOutcome> DeliverElsewhereAsync(OutboxItem item, IReadOnlyList<OutboxItem> queued, CancellationToken cancellationToken)
    {
        if (!_otherChannels.TryGetValue(item.Channel, out var channel))
        {
            // Configured off after the row was queued: it waits for the channel to be configured again.
            logger.LogWarning("Outgoing item {ItemId} is for {Channel}, which is not configured; it waits", item.Id, item.Channel);
            return ItemOutcome.RetryLater;
        }

        // WhatsApp stamps a message in whole seconds (and the chat's last message is kept at that time), so a message
        // that comes in after this moment can carry a time up to a second before it: counted as "after" with that margin.
        var asked = timeProvider.GetUtcNow() - TimeSpan.FromSeconds(1);
        var delivery = await channel.DeliverAsync(item, cancellationToken);
        switch (delivery.Outcome)
        {
            case OutboxDeliveryOutcome.Sent:
                await RecordAsync(t => delivery.ChannelMessageId is { } id
                    ? t.Outbox.MarkSentOnChannelAsync(item.Id, id, timeProvider.GetUtcNow(), CancellationToken.None)
                    : t.Outbox.MarkSentAsync(item.Id, null, timeProvider.GetUtcNow(), CancellationToken.None));
                return ItemOutcome.Done;
            case OutboxDeliveryOutcome.GaveUp:
                logger.LogWarning("Giving up on outgoing item {ItemId} to chat {ChatId}: {Error}", item.Id, item.ChatId, delivery.Error);
                await RecordAsync(t => t.Outbox.MarkFailedAsync(item.Id, delivery.Error ?? "refused", timeProvider.GetUtcNow(), CancellationToken.None));
                return ItemOutcome.Done;
            case OutboxDeliveryOutcome.HeldUntilChatWrites:
                var wroteMeanwhile = false;
                await RecordAsync(async t =>
                {
                    // The person may answer the template before the hold is recorded; the release then found nothing
                    // held. Checked in the hold's own transaction: a release after it sees the hold, one before it is
                    // seen here, and the rows go out instead of waiting for a message that already came.
                    wroteMeanwhile = await t.WhatsApp.LastInboundAsync(item.ChatId, CancellationToken.None) >= asked;
                    if (wroteMeanwhile)
                    {
                        return;
                    }

                    foreach (var held in queued)
                    {
                        await t.Outbox.MarkFailedAsync(held.Id, $"{OutgoingQueue.UnreachablePrefix} {delivery.Error}", timeProvider.GetUtcNow(), CancellationToken.None);
                    }
                });
                if (wroteMeanwhile)
                {
                    logger.LogInformation("Chat {ChatId} wrote while its template was on the way; sending its queued items now", item.ChatId);
                    return ItemOutcome.RetryLater;
                }

                logger.LogInformation("Chat {ChatId} takes no messages until it writes ({Reason}); holding its {Count} queued item(s)", item.ChatId, delivery.Error, queued.Count);
                return ItemOutcome.ChatHeld;
            default:
                logger.LogWarning("Outgoing item {ItemId} to chat {ChatId} not sent yet ({Error}); will retry", item.Id, item.ChatId, delivery.Error);
                return ItemOutcome.RetryLater;
        }
    }

    /// <summary>
    /// Rewrites the decided message with the decision under it (which also drops its buttons), so the chat keeps a
    /// record of what was pressed. False when that cannot be done (a document, a split text, an unknown message):
    /// then only the buttons are removed.
    /// </summary>
    private async Task<bool> RecordOutcomeAsync(OutboxItem item, string outcome, CancellationToken cancellationToken)
    {
        OutgoingMessage? original;
        await using (var transaction = await store.ReadAsync(CancellationToken.None))
        {
            original = await transaction.Outbox.SentMessageAsync(item.ChatId, item.TargetMessageId!.Value, CancellationToken.None);
        }

        if (original is null || !original.CanCarryNote(outcome))
        {
            return false;
        }

        try
        {
            var text = TelegramRenderer.Html([.. original.Text, new TextSpan("\n\n"), new TextSpan(outcome, Bold: true)]);
            await sender.EditMessageTextAsync(item.ChatId, item.TargetMessageId!.Value, text, ParseMode.Html, null, cancellationToken, PriorityOf(item));
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
        await using (var transaction = await store.ReadAsync(CancellationToken.None))
        {
            previous = await transaction.Outbox.PreviousSentWithKeyAsync(item.ChatId, key, item.Id, CancellationToken.None);
        }

        if (previous is not { } messageId)
        {
            return;
        }

        try
        {
            await sender.EditMessageReplyMarkupAsync(item.ChatId, messageId, null, cancellationToken, SendPriority.Background);
        }
        catch (RequestException e)
        {
            // Already without buttons, deleted, or Telegram busy: a stale press is still refused by the version check.
            logger.LogDebug("Could not remove superseded buttons of message {MessageId} in chat {ChatId}: {Error}", messageId, item.ChatId, e.Message);
        }
    }

    private async Task<long?> SendAsync(OutboxItem item, IReadOnlyList<OutboxItem> queued, CancellationToken cancellationToken)
    {
        if (item.Operation == OutboxOperation.RemoveChoices)
        {
            if (item.TargetMessageId is null)
            {
                // Aimed at a question that was on its way when it was answered (decisions/0022): sent before this item
                // (NextOf keeps that order), so its message id is recorded by now; never sent, nothing to remove.
                if (await SentMessageOfRowAsync(item) is not { } target)
                {
                    return null;
                }

                item = item with { TargetMessageId = target };
            }

            if (IsFoldedIntoLaterEdit(item, queued) || (item.Outcome is null && !await HasChoicesAsync(item)))
            {
                // Recorded as sent without a request: the message ends up exactly as if it had been made.
                return null;
            }

            if (item.Outcome is { } outcome && await RecordOutcomeAsync(item, outcome, cancellationToken))
            {
                return null;
            }

            try
            {
                await sender.EditMessageReplyMarkupAsync(item.ChatId, item.TargetMessageId!.Value, null, cancellationToken, PriorityOf(item));
            }
            catch (ApiRequestException e) when (e.ErrorCode == 400 && (e.Message.Contains("not modified", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("not found", StringComparison.OrdinalIgnoreCase)))
            {
                // Already without buttons, or deleted by the user: the goal is met.
            }

            return null;
        }

        if (item.Operation == OutboxOperation.Replace)
        {
            return await ReplaceAsync(item, cancellationToken);
        }

        var message = item.Message!;
        var text = TelegramRenderer.Html(message.Text);
        var markup = TelegramRenderer.Markup(message);
        if (message.DocumentPath is { } path)
        {
            await using var file = File.OpenRead(path);
            var caption = text.Length == 0 ? null : text;
            return (await sender.SendDocumentAsync(item.ChatId, file, message.DocumentName ?? Path.GetFileName(path), caption, caption is null ? ParseMode.None : ParseMode.Html, markup, cancellationToken, PriorityOf(item))).Id;
        }

        return (await sender.SendMessageAsync(item.ChatId, text, ParseMode.Html, markup, cancellationToken, PriorityOf(item))).Id;
    }

    /// <summary>
    /// An edit nobody would see: a later queued edit of the same message notes a decision, which rewrites the text and
    /// removes every button, so only the newest text matters. (A later plain removal is not folded into: it finds
    /// this one done and is skipped itself, see <see cref="HasChoicesAsync"/>.)
    /// </summary>
    private static bool IsFoldedIntoLaterEdit(OutboxItem item, IReadOnlyList<OutboxItem> queued) =>
        queued.Any(later => later.Id > item.Id
            && later.Operation == OutboxOperation.RemoveChoices
            && later.TargetMessageId == item.TargetMessageId
            && later.Outcome is not null);

    private async Task<long?> SentMessageOfRowAsync(OutboxItem item)
    {
        await using var transaction = await store.ReadAsync(CancellationToken.None);
        return await transaction.Outbox.SentMessageOfRowAsync(item.TargetRowId!.Value, CancellationToken.None);
    }

    /// <summary>Removing buttons a message no longer has (or never had) would only be answered "message is not modified".</summary>
    private async Task<bool> HasChoicesAsync(OutboxItem item)
    {
        await using var transaction = await store.ReadAsync(CancellationToken.None);
        return await transaction.Outbox.HasChoicesAsync(item.ChatId, item.TargetMessageId!.Value, item.Id, CancellationToken.None);
    }

    /// <summary>
    /// Rewrites the pressed message into its text with the reply under it, the reply's buttons replacing its own. When
    /// Telegram refuses the rewrite (the person deleted the message), the whole text goes out as a new message, so the
    /// reply still arrives; it only costs a request more.
    /// </summary>
    private async Task<long?> ReplaceAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var message = item.Message!;
        var text = TelegramRenderer.Html(message.Text);
        var markup = TelegramRenderer.Markup(message);
        try
        {
            await sender.EditMessageTextAsync(item.ChatId, item.TargetMessageId!.Value, text, ParseMode.Html, markup as InlineKeyboardMarkup, cancellationToken, PriorityOf(item));
            return null;
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400 && e.Message.Contains("not modified", StringComparison.OrdinalIgnoreCase))
        {
            // Already rewritten (the answer was lost, or a restart sends it again): the goal is met.
            return null;
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400)
        {
            logger.LogDebug("Could not rewrite message {MessageId} in chat {ChatId}: {Error}; sending it as a new message", item.TargetMessageId, item.ChatId, e.Message);
        }

        return (await sender.SendMessageAsync(item.ChatId, text, ParseMode.Html, markup, cancellationToken, PriorityOf(item))).Id;
    }

    // A reply to the chat that is waiting goes before reminders, digests and notices to others.
    private static SendPriority PriorityOf(OutboxItem item) => item.IsReply ? SendPriority.Interactive : SendPriority.Background;

    private async Task RecordAsync(Func<StoreTransaction, Task> change)
    {
        await _recorder.RecordAsync(change);
        Interlocked.Exchange(ref _recorded, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    private enum ItemOutcome
    {
        Done,
        ChatHeld,
        RetryLater,
    }

    /// <summary>
    /// The chat's next item: its oldest edit of a message already sent (a decision noted, buttons removed), else its
    /// oldest message. The edit answers a press, and until it is out the pressed message still offers its buttons;
    /// messages queued before it keep their order among themselves. A removal aimed at a row still queued waits for
    /// that row. Under _gate.
    /// </summary>
    private static OutboxItem NextOf(List<OutboxItem> items) =>
        items.FirstOrDefault(i => i.Operation == OutboxOperation.RemoveChoices && i.Channel == ChatChannel.Telegram
            && (i.TargetRowId is not { } row || !items.Exists(queued => queued.Id == row))) ?? items[0];

    private sealed class ChatQueue
    {
        // Oldest first; see NextOf for which goes next.
        public List<OutboxItem> Items { get; } = [];

        public Task Worker { get; set; } = Task.CompletedTask;
    }
}
