using System.Text.Json;
using KinerjaBot.Storage;
using KinerjaBot.Telegram;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace KinerjaBot.TelegramChannel;

/// <summary>
/// Long polling (timeout 50 s, up to 100 updates), pipelined: a fetched batch is kept in the store's inbox together
/// with the next offset (one transaction), handed to the chats' lanes, and the next getUpdates goes out at once,
/// while the batch is still being applied — the next call confirms the batch to Telegram, which is safe because a
/// crash leaves it in the inbox and the next start applies it first (decisions/0024). Updates of one chat are
/// applied in order, different chats in parallel. Each update of a batch is read on its own
/// (<see cref="UpdateBatchReader"/>): one the bot cannot read is logged and skipped, and the offset moves past it.
/// </summary>
public sealed class UpdatePoller(
    ITelegramBotClient client,
    TelegramBotSetup setup,
    IOptions<TelegramUpdateOptions> updateOptions,
    KinerjaStore store,
    UpdateProcessor processor,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    BotRunOutcome outcome,
    ILogger<UpdatePoller> logger) : BackgroundService
{
    public const int PollTimeoutSeconds = 50;
    public const int BatchLimit = 100;

    // Fetched but not yet applied, across all chats: beyond this the next poll waits, so a burst the bot cannot keep
    // up with waits at Telegram rather than in memory.
    private const int MaxInFlight = 500;

    // The Bot API names of TelegramBotSetup.AllowedUpdates (the raw request takes them as text).
    private static readonly string[] AllowedUpdates = ["message", "callback_query"];

    private readonly Lock _gate = new();
    private readonly Dictionary<long, Queue<Pending>> _chats = [];
    private readonly HashSet<Task> _runners = [];
    private int _inFlight;
    private TaskCompletionSource? _roomWaiter;
    private long? _nextOffset;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (updateOptions.Value.IsWebhook)
        {
            // Telegram refuses getUpdates while a webhook is set; WebhookReceiver takes the updates instead.
            return;
        }

        var prepared = false;
        var recovered = false;
        var failures = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    // Retried until it works: a webhook left over from webhook mode would make every poll fail with 409.
                    prepared = prepared || await setup.TryPrepareAsync(stoppingToken);
                    if (!recovered)
                    {
                        // What a crash or a stop left fetched but unapplied goes first, ahead of anything newer.
                        EnqueueAll(await InboxAsync(stoppingToken), timeProvider.GetUtcNow(), retry: true, stoppingToken);
                        recovered = true;
                    }

                    await WaitForRoomAsync(stoppingToken);
                    await FetchAsync(retry: true, stoppingToken);
                    failures = 0;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (ApiRequestException e) when (BotApiErrors.IsTokenRejected(e))
                {
                    // Nothing can work without a valid token: stop the whole process, non-zero, so it gets noticed.
                    const string reason = "Telegram rejected the bot token (401 Unauthorized). Set a valid token from @BotFather in Telegram__BotToken and restart.";
                    logger.LogCritical(reason);
                    outcome.Fail(reason);
                    lifetime.StopApplication();
                    return;
                }
                catch (Exception e)
                {
                    // Weak links and Telegram hiccups: back off up to a minute, never give up.
                    failures++;
                    var pause = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Min(failures, 6))));
                    logger.LogWarning("Polling Telegram failed ({Error}); retrying in {Pause}", e.Message, pause);
                    await Task.Delay(pause, timeProvider, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                }
            }
        }
        finally
        {
            // The lanes stop with the same token; what they did not finish stays in the inbox for the next start.
            Task[] running;
            lock (_gate)
            {
                running = [.. _runners];
            }

            await Task.WhenAll(running).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>
    /// Applies what the inbox holds, then fetches one batch and applies it, returning once all of it is applied (or
    /// failed): for driving polling step by step. A temporary failure is thrown; the update stays in the inbox.
    /// </summary>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(EnqueueAll(await InboxAsync(cancellationToken), timeProvider.GetUtcNow(), retry: false, cancellationToken));
        var (count, applied) = await FetchAsync(retry: false, cancellationToken);
        await applied;
        return count;
    }

    private async Task<IReadOnlyList<Update>> InboxAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<(long UpdateId, string Json)> kept;
        await using (var transaction = await store.ReadAsync(cancellationToken))
        {
            kept = await transaction.Telegram.InboxAsync(cancellationToken);
        }

        if (kept.Count > 0)
        {
            logger.LogInformation("Applying {Count} updates fetched before the last stop and not yet applied", kept.Count);
        }

        // Stored as Telegram sent them and readable then; read the same way again.
        return UpdateBatchReader.Read([.. kept.Select(k => JsonDocument.Parse(k.Json).RootElement)]).Updates;
    }

    /// <summary>Fetches one batch, keeps it in the inbox with the next offset, and hands it to the lanes.</summary>
    /// <returns>How many updates came, and a task that completes when they are all applied.</returns>
    private async Task<(int Count, Task Applied)> FetchAsync(bool retry, CancellationToken cancellationToken)
    {
        if (_nextOffset is null)
        {
            await using var transaction = await store.ReadAsync(cancellationToken);
            _nextOffset = await transaction.Telegram.GetNextOffsetAsync(cancellationToken);
        }

        var answer = await client.SendRequest(
            new GetRawUpdatesRequest
            {
                Offset = _nextOffset == 0 ? null : _nextOffset,
                Limit = BatchLimit,
                Timeout = PollTimeoutSeconds,
                AllowedUpdates = AllowedUpdates,
            },
            cancellationToken);
        var receivedAt = timeProvider.GetUtcNow();
        var batch = UpdateBatchReader.Read(answer);
        foreach (var malformed in batch.Malformed)
        {
            logger.LogError(
                "Skipping update {UpdateId} from Telegram: it cannot be read ({Reason})",
                malformed.UpdateId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "without a readable update_id",
                malformed.Reason);
        }

        if (batch.NextOffset is not { } nextOffset)
        {
            // Only entries without any readable update_id cannot be confirmed, so Telegram would hand them out again
            // at once: fail the poll so the loop backs off instead of spinning on them.
            return batch.Malformed.Count == 0
                ? (0, Task.CompletedTask)
                : throw new InvalidDataException($"getUpdates answered {batch.Malformed.Count} entries and none has a readable update_id.");
        }

        var updates = batch.Updates;
        var readable = updates.Select(u => (long)u.Id).ToHashSet();
        var raw = answer
            .Select(element => (Id: element.ValueKind == JsonValueKind.Object && element.TryGetProperty("update_id", out var id) && id.TryGetInt64(out var value) ? value : (long?)null, element))
            .Where(e => e.Id is { } id && readable.Contains(id))
            .DistinctBy(e => e.Id)
            .Select(e => (e.Id!.Value, e.element.GetRawText()))
            .ToList();
        await using (var transaction = await store.BeginAsync(cancellationToken))
        {
            await transaction.Telegram.ReceiveAsync(raw, nextOffset, receivedAt, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        _nextOffset = nextOffset;
        return (updates.Count, Task.WhenAll(EnqueueAll(updates, receivedAt, retry, cancellationToken)));
    }

    private List<Task> EnqueueAll(IReadOnlyList<Update> updates, DateTimeOffset receivedAt, bool retry, CancellationToken cancellationToken)
    {
        var applied = new List<Task>(updates.Count);
        foreach (var update in updates.OrderBy(u => u.Id))
        {
            var pending = new Pending(update, receivedAt, retry, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            applied.Add(pending.Applied.Task);
            var chat = UpdateChat.Of(update);
            lock (_gate)
            {
                _inFlight++;
                if (_chats.TryGetValue(chat, out var queue))
                {
                    // The chat's runner is busy with an earlier update; it takes this one next.
                    queue.Enqueue(pending);
                    continue;
                }

                _chats[chat] = new Queue<Pending>();
                var runner = Task.Run(() => RunChatAsync(chat, pending, cancellationToken), CancellationToken.None);
                _runners.Add(runner);
                _ = runner.ContinueWith(
                    done =>
                    {
                        lock (_gate)
                        {
                            _runners.Remove(done);
                        }
                    },
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
            }
        }

        return applied;
    }

    /// <summary>Applies one chat's updates in order until its queue is empty.</summary>
    private async Task RunChatAsync(long chat, Pending first, CancellationToken cancellationToken)
    {
        var next = first;
        while (true)
        {
            try
            {
                await ApplyAsync(next, cancellationToken);
                next.Applied.TrySetResult();
            }
            catch (Exception e)
            {
                next.Applied.TrySetException(e);
                if (cancellationToken.IsCancellationRequested)
                {
                    // Stopping: this and the chat's later updates stay in the inbox for the next start.
                    lock (_gate)
                    {
                        foreach (var left in _chats[chat])
                        {
                            left.Applied.TrySetCanceled(cancellationToken);
                        }

                        _inFlight -= _chats[chat].Count + 1;
                        _chats.Remove(chat);
                        SignalRoom();
                    }

                    return;
                }
            }

            lock (_gate)
            {
                _inFlight--;
                SignalRoom();
                if (!_chats[chat].TryDequeue(out next!))
                {
                    _chats.Remove(chat);
                    return;
                }
            }
        }
    }

    private async Task ApplyAsync(Pending pending, CancellationToken cancellationToken)
    {
        var failures = 0;
        while (true)
        {
            try
            {
                await processor.ProcessAsync(pending.Update, pending.ReceivedAt, cancellationToken);
                return;
            }
            catch (Exception e) when (pending.Retry && e is not OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // A temporary failure (the processor logged it): this chat waits and tries the same update again, in
                // order; other chats go on. It is in the inbox all along, so a stop in between loses nothing.
                failures++;
                var pause = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Min(failures, 6))));
                await Task.Delay(pause, timeProvider, cancellationToken);
            }
        }
    }

    private async Task WaitForRoomAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task room;
            lock (_gate)
            {
                if (_inFlight < MaxInFlight)
                {
                    return;
                }

                room = (_roomWaiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            }

            await room.WaitAsync(cancellationToken);
        }
    }

    // Called under _gate whenever an update leaves the lanes.
    private void SignalRoom()
    {
        if (_inFlight < MaxInFlight && _roomWaiter is { } waiter)
        {
            _roomWaiter = null;
            waiter.TrySetResult();
        }
    }

    private sealed record Pending(Update Update, DateTimeOffset ReceivedAt, bool Retry, TaskCompletionSource Applied);
}
