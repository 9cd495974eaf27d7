using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace KinerjaBot.Telegram;

/// <summary>
/// The one way the bot sends, edits and uploads (the sending funnel over Telegram.Bot's client): respects
/// Telegram's rate limits, retries what is worth retrying, splits long text, and reports chats that can no
/// longer be reached. Not to be confused with the stored queue of outgoing messages the host drains into it.
/// </summary>
/// <remarks>
/// <para>Per chat, operations run strictly one after another in call order (a "lane"); sends and edits alike take
/// from the chat's token bucket (<see cref="TelegramSenderOptions.PerChatBurst"/>, refilled one per
/// <see cref="TelegramSenderOptions.PerChatInterval"/>); retries happen inside the lane, so a retried message is never
/// overtaken by the next one. Across chats, a sliding window (<see cref="GlobalSendWindow"/>) admits at most
/// <see cref="TelegramSenderOptions.GlobalLimit"/> sends and edits per <see cref="TelegramSenderOptions.GlobalWindow"/>,
/// a slot taken before the request leaves, replies to a waiting person (<see cref="SendPriority"/>) first.</para>
/// <para>Failures: 429 pauses every chat for <c>retry_after</c> (never less), lowers the bot-wide limit for a while and retries; 5xx and transport failures (timeouts,
/// resets, proxy error pages) retry with exponential backoff up to <see cref="TelegramSenderOptions.MaxAttempts"/>;
/// 403 notifies <see cref="IChatUnreachableHandler"/> and is not retried; anything else (400: bad request) is the
/// caller's bug and fails at once. A give-up rethrows the last <see cref="RequestException"/> (an
/// <see cref="ApiRequestException"/> when Telegram answered, a plain one when no usable answer came back). A retry after a
/// timeout may duplicate a message Telegram did deliver: for a reporting bot that beats losing it.</para>
/// <para>All waiting uses the injected <see cref="TimeProvider"/>, so tests drive it with a fake clock.</para>
/// </remarks>
public sealed class TelegramSender
{
    private readonly ITelegramBotClient _client;
    private readonly IChatUnreachableHandler _unreachable;
    private readonly TimeProvider _time;
    private readonly TelegramSenderOptions _options;
    private readonly ILogger _logger;

    private readonly Lock _gate = new();
    private readonly Dictionary<long, ChatLane> _lanes = [];
    private readonly GlobalSendWindow _global;
    private int _pruneAt = 256;

    /// <summary>Creates the sender.</summary>
    public TelegramSender(
        ITelegramBotClient client,
        IChatUnreachableHandler unreachableHandler,
        TimeProvider timeProvider,
        TelegramSenderOptions? options = null,
        ILogger<TelegramSender>? logger = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _unreachable = unreachableHandler ?? throw new ArgumentNullException(nameof(unreachableHandler));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _options = options ?? new TelegramSenderOptions();
        _logger = logger ?? (ILogger)NullLogger.Instance;
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxAttempts, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.GlobalLimit, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.PerChatBurst, 1, nameof(options));
        _global = new GlobalSendWindow(_time, _options.GlobalLimit, _options.GlobalWindow + _options.GlobalSafetyMargin, _options.BackgroundAgingLimit);
    }

    /// <summary>The bot-wide limit in force now: lower than <see cref="TelegramSenderOptions.GlobalLimit"/> for a while after a 429.</summary>
    public int CurrentGlobalLimit => _global.CurrentLimit;

    /// <summary>
    /// How long a send keeps counting against Telegram's limits: until a chat's bucket has refilled (and one interval
    /// more, for an edit that followed the last send) and the bot-wide window has passed. A sender that takes over from
    /// another one, whose sends this instance never saw, is safe after this long.
    /// </summary>
    public TimeSpan LimitMemory =>
        TimeSpan.FromTicks(Math.Max(
            (_options.PerChatInterval * (_options.PerChatBurst + 1) + _options.PerChatSafetyMargin).Ticks,
            (_options.GlobalWindow + _options.GlobalSafetyMargin).Ticks));

    /// <summary>
    /// Sends <paramref name="text"/>, split into several messages when it exceeds 4096 characters; the keyboard
    /// goes on the last part only, so it sits under the end of the text. Returns the last message sent.
    /// </summary>
    public Task<Message> SendMessageAsync(
        long chatId,
        string text,
        ParseMode parseMode = ParseMode.None,
        ReplyMarkup? replyMarkup = null,
        CancellationToken cancellationToken = default,
        SendPriority priority = SendPriority.Interactive)
    {
        // MarkdownV2 is split as plain text: the bot formats with HTML only.
        var parts = TelegramTextSplitter.Split(text, TelegramLimits.MaxMessageLength, parseMode == ParseMode.Html);
        return RunInLaneAsync(chatId, async lane =>
        {
            Message? last = null;
            for (var i = 0; i < parts.Count; i++)
            {
                var part = parts[i];
                var markup = i == parts.Count - 1 ? replyMarkup : null;
                last = await DeliverAsync(
                    "sendMessage",
                    chatId,
                    lane,
                    token => _client.SendMessage(chatId, part, parseMode, replyMarkup: markup, cancellationToken: token),
                    rewind: null,
                    priority,
                    cancellationToken).ConfigureAwait(false);
            }

            return last!;
        }, cancellationToken);
    }

    /// <summary>
    /// Edits a message's text (and inline keyboard). Like <see cref="EditMessageReplyMarkupAsync"/> it keeps the chat's
    /// order and counts like a send, against the chat's bucket and the overall window: Telegram counts edits too.
    /// </summary>
    /// <exception cref="ArgumentException">The text is longer than 4096 characters: an edit cannot be split.</exception>
    public Task<Message> EditMessageTextAsync(
        long chatId,
        long messageId,
        string text,
        ParseMode parseMode = ParseMode.None,
        InlineKeyboardMarkup? replyMarkup = null,
        CancellationToken cancellationToken = default,
        SendPriority priority = SendPriority.Interactive)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > TelegramLimits.MaxMessageLength)
        {
            throw new ArgumentException("An edited text must fit in one message (4096 characters).", nameof(text));
        }

        return RunInLaneAsync(chatId, lane => DeliverAsync(
            "editMessageText",
            chatId,
            lane,
            token => _client.EditMessageText(chatId, MessageIdOf(messageId), text, parseMode, replyMarkup, cancellationToken: token),
            rewind: null,
            priority,
            cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Replaces or (with <c>null</c>) removes a message's inline keyboard. It keeps its place in the chat's order and
    /// counts like a send (Telegram counts edits against the same limits); the chat's burst of
    /// <see cref="TelegramSenderOptions.PerChatBurst"/> lets the removal and the answer after it go out at once.
    /// </summary>
    public Task<Message> EditMessageReplyMarkupAsync(
        long chatId,
        long messageId,
        InlineKeyboardMarkup? replyMarkup,
        CancellationToken cancellationToken = default,
        SendPriority priority = SendPriority.Interactive) =>
        RunInLaneAsync(chatId, lane => DeliverAsync(
            "editMessageReplyMarkup",
            chatId,
            lane,
            token => _client.EditMessageReplyMarkup(chatId, MessageIdOf(messageId), replyMarkup, cancellationToken: token),
            rewind: null,
            priority,
            cancellationToken), cancellationToken);

    /// <summary>
    /// Uploads a document. A seekable stream is rewound to where it started before each retry; a non-seekable one
    /// cannot be sent twice, so its first failure is final.
    /// </summary>
    public Task<Message> SendDocumentAsync(
        long chatId,
        Stream content,
        string fileName,
        string? caption = null,
        ParseMode parseMode = ParseMode.None,
        ReplyMarkup? replyMarkup = null,
        CancellationToken cancellationToken = default,
        SendPriority priority = SendPriority.Interactive)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        Func<bool> rewind;
        if (content.CanSeek)
        {
            var start = content.Position;
            rewind = () =>
            {
                content.Position = start;
                return true;
            };
        }
        else
        {
            rewind = static () => false;
        }

        return RunInLaneAsync(chatId, lane => DeliverAsync(
            "sendDocument",
            chatId,
            lane,
            // A fresh wrapper per attempt: Telegram.Bot disposes the upload's content, which must not close the file.
            token => _client.SendDocument(
                chatId,
                InputFile.FromStream(new LeaveOpenStream(content), fileName),
                caption,
                parseMode,
                replyMarkup: replyMarkup,
                cancellationToken: token),
            rewind,
            priority,
            cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Answers a button press directly, bypassing the chat's lane and the global window: the user is watching a
    /// spinner and it is not a chat message, so it does not count against the message limits. 429 (after its
    /// <c>retry_after</c>), 5xx and transport failures are retried, but only while the answer can still help:
    /// Telegram drops a press's answer about <see cref="TelegramSenderOptions.CallbackAnswerWindow"/> after the press
    /// ("query is too old"), so no attempt starts, or runs, past <paramref name="pressedAt"/> plus that window.
    /// A 400 (already answered — e.g. the lost response of an earlier attempt — or too old) is final.
    /// </summary>
    /// <returns>True when Telegram took the answer; false when the window closed first.</returns>
    public async Task<bool> AnswerCallbackQueryAsync(
        string callbackQueryId,
        string? text,
        bool showAlert,
        DateTimeOffset pressedAt,
        CancellationToken cancellationToken = default)
    {
        var deadline = pressedAt + _options.CallbackAnswerWindow;
        for (var attempt = 1; ; attempt++)
        {
            var remaining = deadline - _time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                _logger.LogWarning("Button press {CallbackId} was not answered: its answer window closed (attempt {Attempt})", callbackQueryId, attempt);
                return false;
            }

            TimeSpan wait;
            using (var window = new CancellationTokenSource(remaining, _time))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(window.Token, cancellationToken))
            {
                try
                {
                    await _client.AnswerCallbackQuery(callbackQueryId, text, showAlert, cancellationToken: linked.Token).ConfigureAwait(false);
                    return true;
                }
                catch (OperationCanceledException) when (window.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    _logger.LogWarning("Button press {CallbackId} was not answered: the attempt outlasted its answer window", callbackQueryId);
                    return false;
                }
                catch (ApiRequestException ex) when (ex.ErrorCode == 429)
                {
                    wait = BotApiErrors.RetryAfter(ex) ?? _options.InitialBackoff;
                }
                catch (ApiRequestException ex) when (ex.ErrorCode >= 500)
                {
                    wait = Backoff(attempt);
                }
                catch (RequestException ex) when (BotApiErrors.IsTransportFailure(ex))
                {
                    // Telegram may have taken it; a repeat then gets a harmless 400, which the caller treats as done.
                    wait = Backoff(attempt);
                }
            }

            if (_time.GetUtcNow() + wait >= deadline)
            {
                _logger.LogWarning("Button press {CallbackId} was not answered: the next try ({Wait}) would come after its answer window", callbackQueryId, wait);
                return false;
            }

            _logger.LogInformation("Answering button press {CallbackId} failed; retrying in {Wait} (attempt {Attempt})", callbackQueryId, wait, attempt);
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    // Telegram.Bot types message ids as int; Telegram's are 32-bit in practice, the store keeps them as long.
    private static int MessageIdOf(long messageId) => checked((int)messageId);

    private async Task<T> RunInLaneAsync<T>(long chatId, Func<ChatLane, Task<T>> work, CancellationToken cancellationToken)
    {
        var turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ChatLane? lane;
        Task previous;
        lock (_gate)
        {
            if (!_lanes.TryGetValue(chatId, out lane))
            {
                PruneIdleLanes();
                lane = new ChatLane();
                _lanes[chatId] = lane;
            }

            previous = lane.Tail;
            lane.Tail = turn.Task;
        }

        try
        {
            await previous.WaitAsync(cancellationToken).ConfigureAwait(false);
            return await work(lane).ConfigureAwait(false);
        }
        finally
        {
            // Pass the turn on only after the previous holder is done, even when this caller was cancelled while
            // waiting; otherwise the next operation could overlap the previous one.
            _ = previous.ContinueWith(
                static (_, state) => ((TaskCompletionSource)state!).TrySetResult(),
                turn,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    private async Task<T> DeliverAsync<T>(
        string method,
        long chatId,
        ChatLane lane,
        Func<CancellationToken, Task<T>> send,
        Func<bool>? rewind,
        SendPriority priority,
        CancellationToken cancellationToken)
    {
        // The chat's bucket as a GCRA: a request may start once the theoretical arrival time, less the burst's
        // tolerance, has come. Earlier requests count from when their answer came back (no earlier than Telegram saw
        // them), so the bucket Telegram keeps is never emptier than this one says.
        // The margin covers what "no earlier than" cannot: the bot's clock and Telegram's running at slightly different
        // rates (a wall clock being slewed). It is added once per wait, not per token, so it costs no throughput.
        var burstTolerance = _options.PerChatInterval * (_options.PerChatBurst - 1);
        var margin = _options.PerChatInterval > TimeSpan.Zero ? _options.PerChatSafetyMargin : TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            var notBefore = lane.TheoreticalArrival == DateTimeOffset.MinValue ? lane.RetryAt : lane.TheoreticalArrival - burstTolerance + margin;
            await DelayUntilAsync(notBefore > lane.RetryAt ? notBefore : lane.RetryAt, cancellationToken).ConfigureAwait(false);

            TimeSpan wait;
            using (await _global.AcquireAsync(priority, cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    return await send(cancellationToken).ConfigureAwait(false);
                }
                catch (ApiRequestException ex) when (ex.ErrorCode == 429)
                {
                    // Flood control: Telegram says exactly how long, and not whether it was this chat's limit or the
                    // bot's; a request inside a bot-wide wait only extends it, so every chat waits it out.
                    wait = BotApiErrors.RetryAfter(ex) ?? _options.InitialBackoff;
                    _global.Pause(_time.GetUtcNow() + wait);
                    if (!CanRetry(attempt, rewind))
                    {
                        throw;
                    }

                    _logger.LogWarning(
                        "Telegram {Method} to chat {ChatId} hit flood control; every chat waits {Wait} (attempt {Attempt}, bot-wide limit now {Limit})",
                        method, chatId, wait, attempt, _global.CurrentLimit);
                }
                catch (ApiRequestException ex) when (BotApiErrors.IsChatUnreachable(ex))
                {
                    await NotifyUnreachableAsync(chatId, ex, cancellationToken).ConfigureAwait(false);
                    throw;
                }
                catch (ApiRequestException ex) when (ex.ErrorCode >= 500 && CanRetry(attempt, rewind))
                {
                    wait = Backoff(attempt);
                    _logger.LogWarning(
                        "Telegram {Method} to chat {ChatId} failed with {ErrorCode} ({Error}); retrying in {Wait} (attempt {Attempt})",
                        method, chatId, ex.ErrorCode, ex.Message, wait, attempt);
                }
                catch (RequestException ex) when (BotApiErrors.IsTransportFailure(ex) && CanRetry(attempt, rewind))
                {
                    // No usable answer: Telegram may or may not have acted, and a repeat beats a lost message.
                    wait = Backoff(attempt);
                    _logger.LogWarning(
                        "Telegram {Method} to chat {ChatId} got no usable answer ({Error}); retrying in {Wait} (attempt {Attempt})",
                        method, chatId, ex.Message, wait, attempt);
                }
                finally
                {
                    var answeredAt = _time.GetUtcNow();
                    lane.TheoreticalArrival = (lane.TheoreticalArrival > answeredAt ? lane.TheoreticalArrival : answeredAt) + _options.PerChatInterval;
                }
            }

            lane.RetryAt = _time.GetUtcNow() + wait;
        }
    }

    private bool CanRetry(int attempt, Func<bool>? rewind) =>
        attempt < _options.MaxAttempts && (rewind is null || rewind());

    private TimeSpan Backoff(int attempt)
    {
        var factor = Math.Pow(2, Math.Min(attempt - 1, 30));
        var backoff = TimeSpan.FromTicks((long)Math.Min(_options.InitialBackoff.Ticks * factor, _options.MaxBackoff.Ticks));
        return backoff;
    }

    private async Task NotifyUnreachableAsync(long chatId, ApiRequestException error, CancellationToken cancellationToken)
    {
        _logger.LogInformation("Telegram chat {ChatId} is unreachable: {Description}", chatId, error.Message);
        try
        {
            await _unreachable.OnChatUnreachableAsync(chatId, error, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The caller must still see the 403, not the handler's own failure.
            _logger.LogError(ex, "Chat-unreachable handler failed for chat {ChatId}", chatId);
        }
    }

    private Task DelayUntilAsync(DateTimeOffset instant, CancellationToken cancellationToken) =>
        SendClock.DelayUntilAsync(_time, instant, cancellationToken);

    // Called under _gate. Lanes are tiny, but one per chat ever seen would grow without bound in a long-running
    // bot; an idle lane whose spacing has elapsed carries no information and can go. Amortised by doubling.
    private void PruneIdleLanes()
    {
        if (_lanes.Count < _pruneAt)
        {
            return;
        }

        var now = _time.GetUtcNow();
        foreach (var (chatId, lane) in _lanes.ToList())
        {
            if (lane.Tail.IsCompleted && lane.TheoreticalArrival <= now && lane.RetryAt <= now)
            {
                _lanes.Remove(chatId);
            }
        }

        _pruneAt = Math.Max(256, _lanes.Count * 2);
    }

    private sealed class ChatLane
    {
        // The turn of the last operation queued for this chat; written under _gate.
        public Task Tail { get; set; } = Task.CompletedTask;

        // Only touched by the operation holding the turn: the chat bucket's theoretical arrival time (GCRA) and
        // when a retry may start.
        public DateTimeOffset TheoreticalArrival { get; set; } = DateTimeOffset.MinValue;

        public DateTimeOffset RetryAt { get; set; } = DateTimeOffset.MinValue;
    }
}
