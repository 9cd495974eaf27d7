using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.StaticFiles;

namespace KinerjaBot.Sandbox;

/// <summary>
/// Everything the fake Telegram knows: chats, pending updates, files, callback queries, the request log and
/// injected faults. One lock guards it all because the bot's requests and the test's (or web page's) actions
/// arrive on different threads and often touch the same chat; contention is irrelevant at sandbox volumes.
/// Nothing user-supplied (predicates, event handlers) runs inside the lock.
/// </summary>
internal sealed partial class SandboxState
{
    private const int MaxTextLength = 4096;
    private const int MaxCaptionLength = 1024;

    private readonly Lock _gate = new();
    private readonly LocalBotApiServerOptions _options;
    private readonly TimeProvider _clock;
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private readonly string _salt = Guid.NewGuid().ToString("N")[..10];
    private readonly FileExtensionContentTypeProvider _contentTypes = new();

    private readonly ChangeSignal _chatSignal = new();
    private readonly ChangeSignal _updateSignal = new();
    private readonly ChangeSignal _requestSignal = new();
    private readonly ChangeSignal _pollSignal = new();

    private readonly Dictionary<long, SandboxChat> _chats = [];
    private readonly List<PendingUpdate> _pending = [];
    private readonly Dictionary<long, JsonObject> _updateHistory = [];
    private readonly Dictionary<string, StoredFile> _filesById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredFile> _filesByPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PendingCallbackQuery> _callbackQueries = new(StringComparer.Ordinal);
    private readonly List<CallbackAnswer> _callbackAnswers = [];
    private readonly List<RecordedBotRequest> _requests = [];
    private readonly List<FaultRule> _faults = [];
    private JsonArray _commands = [];
    private long _nextUpdateId;
    private long _nextFileNumber = 1;
    private long _nextCallbackNumber = 1;
    private long _nextRequestSequence;
    private ActivePoll? _activePoll;

    public SandboxState(LocalBotApiServerOptions options)
    {
        _nextUpdateId = Math.Max(1, options.FirstUpdateId);
        _options = options;
        _clock = options.TimeProvider;
        var colon = options.Token.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !long.TryParse(options.Token.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var botId))
        {
            throw new ArgumentException("A bot token looks like '123456789:secret': the bot's numeric id, a colon, a secret.", nameof(options));
        }

        BotId = botId;
    }

    public long BotId { get; }

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_startedAt);

    // ───────────────────────────── Bot API methods (called by the HTTP layer) ─────────────────────────────

    public JsonObject GetMe() => new()
    {
        ["id"] = BotId,
        ["is_bot"] = true,
        ["first_name"] = _options.BotFirstName,
        ["username"] = _options.BotUsername,
        ["can_join_groups"] = false,
        ["can_read_all_group_messages"] = false,
        ["supports_inline_queries"] = false,
        ["can_connect_to_business"] = false,
        ["has_main_web_app"] = false,
    };

    public async Task<JsonArray> GetUpdatesAsync(BotApiParameters parameters, CancellationToken stopping, CancellationToken requestAborted)
    {
        var offset = parameters.Long("offset");
        var limit = (int)Math.Clamp(parameters.Long("limit") ?? 100, 1, 100);
        var timeout = TimeSpan.FromSeconds(Math.Clamp(parameters.Long("timeout") ?? 0, 0, 600));

        ActivePoll poll;
        ActivePoll? superseded;
        Task nextUpdate;
        lock (_gate)
        {
            ApplyOffset(offset);
            var ready = TakeUpdates(limit);
            if (ready.Count > 0 || timeout == TimeSpan.Zero)
            {
                return ready;
            }

            superseded = _activePoll;
            if (superseded is not null)
            {
                superseded.Superseded = true;
            }

            poll = new ActivePoll(CancellationTokenSource.CreateLinkedTokenSource(stopping, requestAborted));
            _activePoll = poll;
            _pollSignal.Notify();
            nextUpdate = _updateSignal.NextChange;
        }

        // Cancel outside the lock: cancellation callbacks may run synchronously.
        superseded?.Cancellation.Cancel();
        var deadline = Stopwatch.GetTimestamp();
        try
        {
            while (true)
            {
                var remaining = timeout - Stopwatch.GetElapsedTime(deadline);
                if (remaining <= TimeSpan.Zero)
                {
                    return [];
                }

                try
                {
                    await nextUpdate.WaitAsync(remaining, poll.Cancellation.Token);
                }
                catch (TimeoutException)
                {
                    return [];
                }
                catch (OperationCanceledException) when (poll.Superseded)
                {
                    throw new BotApiException(
                        409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
                }

                lock (_gate)
                {
                    var ready = TakeUpdates(limit);
                    if (ready.Count > 0)
                    {
                        return ready;
                    }

                    nextUpdate = _updateSignal.NextChange;
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                if (_activePoll == poll)
                {
                    _activePoll = null;
                    _pollSignal.Notify();
                }
            }

            poll.Cancellation.Dispose();
        }
    }

    public JsonObject SendMessage(BotApiParameters parameters)
    {
        var markup = ParseMarkup(parameters);
        var chatId = parameters.ChatId();
        var (raw, parseMode, plain) = ParseText(parameters.String("text"), parameters.String("parse_mode"));
        lock (_gate)
        {
            var chat = WritableChat(chatId);
            if (plain.Length > MaxTextLength)
            {
                throw BotApiException.BadRequest("message is too long");
            }

            var message = AddBotMessage(chat, markup, m => m with { Text = plain, RawText = raw, ParseMode = parseMode });
            return RenderMessage(chat, message);
        }
    }

    public JsonObject SendDocument(BotApiParameters parameters)
    {
        var markup = ParseMarkup(parameters);
        var chatId = parameters.ChatId();
        var (raw, parseMode, caption) = ParseCaption(parameters.String("caption"), parameters.String("parse_mode"));
        var upload = parameters.File("document");
        var reference = upload is null ? parameters.String("document") : null;
        if (upload is null && string.IsNullOrEmpty(reference))
        {
            throw BotApiException.BadRequest("there is no document in the request");
        }

        if (upload is { Bytes.Length: 0 })
        {
            throw BotApiException.BadRequest("file must be non-empty");
        }

        lock (_gate)
        {
            var chat = WritableChat(chatId);
            ChatFile document;
            if (upload is not null)
            {
                var mimeType = _contentTypes.TryGetContentType(upload.FileName, out var byExtension)
                    ? byExtension
                    : upload.ContentType ?? "application/octet-stream";
                document = StoreFile(upload.Bytes, "documents", upload.FileName, mimeType).Info;
            }
            else if (_filesById.TryGetValue(reference!, out var existing))
            {
                document = existing.Info;
            }
            else
            {
                throw BotApiException.BadRequest("wrong file identifier/HTTP URL specified");
            }

            var message = AddBotMessage(chat, markup, m => m with
            {
                Document = document,
                Caption = caption,
                RawText = raw,
                ParseMode = parseMode,
            });
            return RenderMessage(chat, message);
        }
    }

    public JsonObject EditMessageText(BotApiParameters parameters)
    {
        var markup = ParseInlineMarkup(parameters);
        var chatId = parameters.ChatId();
        var messageId = parameters.Long("message_id");
        var (raw, parseMode, plain) = ParseText(parameters.String("text"), parameters.String("parse_mode"));
        lock (_gate)
        {
            var (chat, index) = EditableMessage(chatId, messageId);
            var message = chat.Messages[index];
            if (message.Text is null)
            {
                throw BotApiException.BadRequest("there is no text in the message to edit");
            }

            if (plain.Length > MaxTextLength)
            {
                throw BotApiException.BadRequest("message is too long");
            }

            // Like Telegram, an edit without reply_markup removes the inline keyboard.
            if (message.Text == plain && message.RawText == raw && ReplyMarkup.SameKeyboard(message.InlineKeyboard, markup.InlineKeyboard))
            {
                throw NotModified();
            }

            var edited = ReplaceMessage(chat, index, message with
            {
                Text = plain,
                RawText = raw,
                ParseMode = parseMode,
                InlineKeyboard = markup.InlineKeyboard,
            });
            return RenderMessage(chat, edited);
        }
    }

    public JsonObject EditMessageReplyMarkup(BotApiParameters parameters)
    {
        var markup = ParseInlineMarkup(parameters);
        var chatId = parameters.ChatId();
        var messageId = parameters.Long("message_id");
        lock (_gate)
        {
            var (chat, index) = EditableMessage(chatId, messageId);
            var message = chat.Messages[index];
            if (ReplyMarkup.SameKeyboard(message.InlineKeyboard, markup.InlineKeyboard))
            {
                throw NotModified();
            }

            var edited = ReplaceMessage(chat, index, message with { InlineKeyboard = markup.InlineKeyboard });
            return RenderMessage(chat, edited);
        }
    }

    public bool DeleteMessage(BotApiParameters parameters)
    {
        var chatId = parameters.ChatId();
        var messageId = parameters.Long("message_id");
        lock (_gate)
        {
            var chat = KnownChat(chatId);
            var index = chat.Messages.FindIndex(m => m.MessageId == messageId);
            if (index < 0)
            {
                throw BotApiException.BadRequest("message to delete not found");
            }

            chat.Messages.RemoveAt(index);
            _chatSignal.Notify();
            return true;
        }
    }

    public bool SendChatAction(BotApiParameters parameters)
    {
        var chatId = parameters.ChatId();
        lock (_gate)
        {
            WritableChat(chatId);
            return true;
        }
    }

    public bool AnswerCallbackQuery(BotApiParameters parameters)
    {
        var id = parameters.String("callback_query_id") ?? string.Empty;
        lock (_gate)
        {
            if (!_callbackQueries.TryGetValue(id, out var query) || query.Answered)
            {
                throw BotApiException.BadRequest("query is too old and response timeout expired or query ID is invalid");
            }

            query.Answered = true;
            _callbackAnswers.Add(new CallbackAnswer(
                query.Id, query.UserId, query.MessageId, query.Data, parameters.String("text"), parameters.Bool("show_alert")));
            _chatSignal.Notify();
            return true;
        }
    }

    public JsonObject GetFile(BotApiParameters parameters)
    {
        var fileId = parameters.String("file_id") ?? string.Empty;
        lock (_gate)
        {
            if (!_filesById.TryGetValue(fileId, out var file))
            {
                throw BotApiException.BadRequest("invalid file_id");
            }

            return new JsonObject
            {
                ["file_id"] = file.Info.FileId,
                ["file_unique_id"] = file.Info.FileUniqueId,
                ["file_size"] = file.Info.FileSize,
                ["file_path"] = file.Info.FilePath,
            };
        }
    }

    public bool SetMyCommands(BotApiParameters parameters)
    {
        if (parameters.Json("commands", "can't parse commands JSON object") is not JsonArray commands)
        {
            throw BotApiException.BadRequest("can't parse commands JSON object");
        }

        foreach (var command in commands)
        {
            var name = command?["command"]?.GetValue<string>() ?? string.Empty;
            var description = command?["description"]?.GetValue<string>() ?? string.Empty;
            if (!CommandName().IsMatch(name))
            {
                throw BotApiException.BadRequest("BOT_COMMAND_INVALID");
            }

            if (description.Length is < 1 or > 256)
            {
                throw BotApiException.BadRequest("command description must be non-empty");
            }
        }

        lock (_gate)
        {
            _commands = commands;
            return true;
        }
    }

    public JsonArray GetMyCommands()
    {
        lock (_gate)
        {
            return (JsonArray)_commands.DeepClone();
        }
    }

    public JsonObject GetWebhookInfo()
    {
        lock (_gate)
        {
            return new JsonObject { ["url"] = string.Empty, ["has_custom_certificate"] = false, ["pending_update_count"] = _pending.Count };
        }
    }

    public StoredFile? FileByPath(string path)
    {
        lock (_gate)
        {
            return _filesByPath.GetValueOrDefault(path);
        }
    }

    // ───────────────────────────── Simulated users ─────────────────────────────

    public void AddUser(long userId, string firstName, string? lastName, string phone)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(firstName);
        ArgumentException.ThrowIfNullOrWhiteSpace(phone);
        if (userId <= 0 || userId == BotId)
        {
            throw new ArgumentOutOfRangeException(nameof(userId), userId, "A user id is positive and differs from the bot's id.");
        }

        lock (_gate)
        {
            if (!_chats.TryAdd(userId, new SandboxChat(userId, firstName, lastName, phone)))
            {
                throw new InvalidOperationException($"User {userId} already exists.");
            }

            _chatSignal.Notify();
        }
    }

    public IReadOnlyList<long> UserIds()
    {
        lock (_gate)
        {
            return [.. _chats.Keys];
        }
    }

    public (string FirstName, string? LastName, string Phone) UserInfo(long userId)
    {
        lock (_gate)
        {
            var chat = User(userId);
            return (chat.FirstName, chat.LastName, chat.Phone);
        }
    }

    public long SendUserText(long userId, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        lock (_gate)
        {
            var chat = User(userId);
            var message = AddUserMessage(chat, new ChatMessage
            {
                ChatId = chat.UserId, MessageId = 0, Sender = ChatMessageSender.User, Date = default, Text = text,
            });
            return EnqueueMessageUpdate(chat, message);
        }
    }

    public long ShareContact(long userId, string? phone, long? contactUserId)
    {
        lock (_gate)
        {
            var chat = User(userId);
            var ownNumber = phone is null;
            var contact = new ChatContact(
                phone ?? chat.Phone,
                ownNumber ? chat.FirstName : "Kontak",
                ownNumber ? chat.LastName : null,
                ownNumber ? chat.UserId : contactUserId);
            var message = AddUserMessage(chat, new ChatMessage
            {
                ChatId = chat.UserId, MessageId = 0, Sender = ChatMessageSender.User, Date = default, Contact = contact,
            });
            return EnqueueMessageUpdate(chat, message);
        }
    }

    public long SendUserPhoto(long userId, byte[] bytes, string? caption)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        lock (_gate)
        {
            var chat = User(userId);
            var photo = StoreFile(bytes, "photos", null, null);
            var message = AddUserMessage(chat, new ChatMessage
            {
                ChatId = chat.UserId, MessageId = 0, Sender = ChatMessageSender.User, Date = default, Photo = photo.Info, Caption = caption,
            });
            return EnqueueMessageUpdate(chat, message);
        }
    }

    public long SendUserDocument(long userId, byte[] bytes, string fileName, string mimeType, string? caption)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(mimeType);
        lock (_gate)
        {
            var chat = User(userId);
            var document = StoreFile(bytes, "documents", fileName, mimeType);
            var message = AddUserMessage(chat, new ChatMessage
            {
                ChatId = chat.UserId, MessageId = 0, Sender = ChatMessageSender.User, Date = default, Document = document.Info, Caption = caption,
            });
            return EnqueueMessageUpdate(chat, message);
        }
    }

    /// <summary>
    /// A button press. The button is not checked against the keyboard on purpose: modified clients can send any
    /// callback_data, and the bot must not trust it. The message must exist, as Telegram requires.
    /// </summary>
    public long PressButton(long userId, long messageId, string callbackData)
    {
        ArgumentNullException.ThrowIfNull(callbackData);
        lock (_gate)
        {
            var chat = User(userId);
            var message = chat.Messages.Find(m => m.MessageId == messageId && m.Sender == ChatMessageSender.Bot)
                ?? throw new ArgumentException($"Chat {userId} has no bot message #{messageId}.\n{Transcript(chat)}", nameof(messageId));
            var id = string.Create(CultureInfo.InvariantCulture, $"{userId}{_nextCallbackNumber++:D6}");
            _callbackQueries[id] = new PendingCallbackQuery(id, userId, messageId, callbackData);
            var updateId = EnqueueUpdate("callback_query", new JsonObject
            {
                ["id"] = id,
                ["from"] = RenderUser(chat),
                ["message"] = RenderMessage(chat, message),
                ["chat_instance"] = "-" + (Math.Abs((long)HashCode.Combine(_salt, userId)) + 1000).ToString(CultureInfo.InvariantCulture),
                ["data"] = callbackData,
            });
            chat.LastActionVersion = _chatSignal.Version;
            return updateId;
        }
    }

    public (long MessageId, string CallbackData) FindButton(long userId, string labelPart)
    {
        lock (_gate)
        {
            var chat = User(userId);
            for (var i = chat.Messages.Count - 1; i >= 0; i--)
            {
                var message = chat.Messages[i];
                if (message.Sender == ChatMessageSender.Bot
                    && message.Buttons.FirstOrDefault(b => b.CallbackData is not null && b.Text.Contains(labelPart, StringComparison.Ordinal)) is { } button)
                {
                    return (message.MessageId, button.CallbackData!);
                }
            }

            throw new InvalidOperationException($"Chat {userId} shows no button labelled '…{labelPart}…'.\n{Transcript(chat)}");
        }
    }

    public void SetBlocked(long userId, bool blocked)
    {
        lock (_gate)
        {
            User(userId).BlockedBot = blocked;
            _chatSignal.Notify();
        }
    }

    public bool IsBlocked(long userId)
    {
        lock (_gate)
        {
            return User(userId).BlockedBot;
        }
    }

    public ChatReplyKeyboard? ActiveReplyKeyboard(long chatId)
    {
        lock (_gate)
        {
            return User(chatId).ActiveReplyKeyboard;
        }
    }

    public long LastActionVersion(long userId)
    {
        lock (_gate)
        {
            return User(userId).LastActionVersion;
        }
    }

    // ───────────────────────────── Observation ─────────────────────────────

    public long Version
    {
        get
        {
            lock (_gate)
            {
                return _chatSignal.Version;
            }
        }
    }

    public IReadOnlyList<ChatMessage> Messages(long chatId)
    {
        lock (_gate)
        {
            return [.. User(chatId).Messages];
        }
    }

    public async Task<long> WaitForChangeAsync(long knownVersion, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task next;
            lock (_gate)
            {
                if (_chatSignal.Version > knownVersion)
                {
                    return _chatSignal.Version;
                }

                next = _chatSignal.NextChange;
            }

            await next.WaitAsync(cancellationToken);
        }
    }

    public Task<ChatMessage> WaitForBotMessageAsync(
        long chatId, Func<ChatMessage, bool> predicate, long sinceVersion, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return WaitAsync(
            _chatSignal,
            () => User(chatId).Messages.ToList(),
            messages => messages
                .Where(m => m.Sender == ChatMessageSender.Bot && m.Version > sinceVersion)
                .OrderByDescending(m => m.Version)
                .FirstOrDefault(predicate),
            messages => $"No bot message in chat {chatId} matched within {timeout.TotalSeconds:0.###}s"
                + (sinceVersion > 0 ? $" (only changes after version {sinceVersion} count)" : string.Empty)
                + ". Chat so far:\n" + string.Join('\n', messages),
            timeout,
            cancellationToken);
    }

    public bool IsLongPolling
    {
        get
        {
            lock (_gate)
            {
                return _activePoll is not null;
            }
        }
    }

    public Task WaitForLongPollAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitAsync(
            _pollSignal,
            () => _activePoll is not null,
            polling => polling ? "polling" : null,
            _ => $"The bot did not start a getUpdates long poll within {timeout.TotalSeconds:0.###}s.",
            timeout,
            cancellationToken);

    public IReadOnlyList<RecordedBotRequest> RequestLog()
    {
        lock (_gate)
        {
            return [.. _requests.OrderBy(r => r.Sequence)];
        }
    }

    public Task<RecordedBotRequest> WaitForRequestAsync(Func<RecordedBotRequest, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return WaitAsync(
            _requestSignal,
            () => _requests.OrderBy(r => r.Sequence).ToList(),
            requests => requests.FirstOrDefault(predicate),
            requests => $"No bot request matched within {timeout.TotalSeconds:0.###}s. Requests so far:\n"
                + string.Join('\n', requests.TakeLast(30).Select(r => $"{r.Sequence} {r.Method} chat={r.ChatId} -> {r.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "dropped"}")),
            timeout,
            cancellationToken);
    }

    public IReadOnlyList<CallbackAnswer> CallbackAnswers()
    {
        lock (_gate)
        {
            return [.. _callbackAnswers];
        }
    }

    public IReadOnlyList<(string Command, string Description)> MyCommands()
    {
        lock (_gate)
        {
            return [.. _commands.Select(c => (c!["command"]!.GetValue<string>(), c["description"]!.GetValue<string>()))];
        }
    }

    public byte[] ReadFile(string fileId)
    {
        lock (_gate)
        {
            return _filesById.TryGetValue(fileId, out var file)
                ? [.. file.Bytes]
                : throw new ArgumentException($"No file with id '{fileId}'.", nameof(fileId));
        }
    }

    public int PendingUpdateCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    // ───────────────────────────── Request log and faults ─────────────────────────────

    public long NextRequestSequence() => Interlocked.Increment(ref _nextRequestSequence);

    public void Record(RecordedBotRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
            if (_requests.Count > _options.RequestLogCapacity)
            {
                _requests.RemoveRange(0, _requests.Count - _options.RequestLogCapacity);
            }

            _requestSignal.Notify();
        }
    }

    public void InjectFault(string method, BotApiFault fault, int count)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_gate)
        {
            _faults.Add(new FaultRule(method, fault, count));
        }
    }

    public void ClearFaults()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    public BotApiFault? TakeFault(string method)
    {
        lock (_gate)
        {
            var rule = _faults.Find(r => r.Method == "*" || r.Method.Equals(method, StringComparison.OrdinalIgnoreCase));
            if (rule is null)
            {
                return null;
            }

            if (--rule.Remaining == 0)
            {
                _faults.Remove(rule);
            }

            return rule.Fault;
        }
    }

    public void RedeliverUpdate(long updateId)
    {
        lock (_gate)
        {
            if (!_updateHistory.TryGetValue(updateId, out var json))
            {
                throw new ArgumentException($"No update {updateId} was ever queued.", nameof(updateId));
            }

            if (_pending.Any(p => p.UpdateId == updateId))
            {
                return;
            }

            var index = _pending.FindIndex(p => p.UpdateId > updateId);
            _pending.Insert(index < 0 ? _pending.Count : index, new PendingUpdate(updateId, json, redelivered: true));
            _updateSignal.Notify();
        }
    }

    // ───────────────────────────── Internals (call under _gate) ─────────────────────────────

    private async Task<T> WaitAsync<TSnapshot, T>(
        ChangeSignal signal,
        Func<TSnapshot> snapshot,
        Func<TSnapshot, T?> probe,
        Func<TSnapshot, string> describeTimeout,
        TimeSpan timeout,
        CancellationToken cancellationToken)
        where T : class
    {
        // Real time on purpose: the bot runs in real time even when message dates come from a fake clock.
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            TSnapshot current;
            Task next;
            lock (_gate)
            {
                current = snapshot();
                next = signal.NextChange;
            }

            // The predicate is the caller's code, so it runs outside the lock.
            if (probe(current) is { } found)
            {
                return found;
            }

            var remaining = timeout - Stopwatch.GetElapsedTime(started);
            try
            {
                if (remaining <= TimeSpan.Zero)
                {
                    throw new TimeoutException();
                }

                await next.WaitAsync(remaining, cancellationToken);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException(describeTimeout(current));
            }
        }
    }

    private void ApplyOffset(long? offset)
    {
        if (offset is not { } value)
        {
            return;
        }

        if (value < 0)
        {
            // Telegram: a negative offset keeps only the last |offset| updates.
            var keep = (int)Math.Min(-value, _pending.Count);
            _pending.RemoveRange(0, _pending.Count - keep);
            return;
        }

        _pending.RemoveAll(p => p.UpdateId < value && (!p.Redelivered || p.DeliveredAgain));
    }

    private JsonArray TakeUpdates(int limit)
    {
        var result = new JsonArray();
        foreach (var pending in _pending.Take(limit))
        {
            pending.DeliveredAgain = pending.Redelivered;
            result.Add(pending.Json.DeepClone());
        }

        return result;
    }

    private long EnqueueUpdate(string kind, JsonObject content)
    {
        var updateId = _nextUpdateId++;
        var json = new JsonObject { ["update_id"] = updateId, [kind] = content };
        _pending.Add(new PendingUpdate(updateId, json, redelivered: false));
        _updateHistory[updateId] = json;
        _updateSignal.Notify();
        return updateId;
    }

    private long EnqueueMessageUpdate(SandboxChat chat, ChatMessage message) =>
        EnqueueUpdate("message", RenderMessage(chat, message));

    private ChatMessage AddUserMessage(SandboxChat chat, ChatMessage draft)
    {
        // Writing to a bot (the client's "Restart" button) also unblocks it.
        chat.Started = true;
        chat.BlockedBot = false;
        if (chat.ActiveReplyKeyboard is { OneTime: true })
        {
            chat.ActiveReplyKeyboard = null;
        }

        var message = draft with { MessageId = chat.NextMessageId++, Date = Now(), Version = _chatSignal.Version + 1 };
        chat.Messages.Add(message);
        chat.LastActionVersion = _chatSignal.Notify();
        return message;
    }

    private ChatMessage AddBotMessage(SandboxChat chat, ReplyMarkup markup, Func<ChatMessage, ChatMessage> content)
    {
        var message = content(new ChatMessage
        {
            ChatId = chat.UserId,
            MessageId = chat.NextMessageId++,
            Sender = ChatMessageSender.Bot,
            Date = Now(),
            InlineKeyboard = markup.InlineKeyboard,
            ReplyKeyboard = markup.ReplyKeyboard,
            RemovesReplyKeyboard = markup.RemoveKeyboard,
        });
        if (markup.ReplyKeyboard is not null)
        {
            chat.ActiveReplyKeyboard = markup.ReplyKeyboard;
        }
        else if (markup.RemoveKeyboard)
        {
            chat.ActiveReplyKeyboard = null;
        }

        message = message with { Version = _chatSignal.Version + 1 };
        chat.Messages.Add(message);
        _chatSignal.Notify();
        return message;
    }

    private ChatMessage ReplaceMessage(SandboxChat chat, int index, ChatMessage edited)
    {
        edited = edited with
        {
            EditCount = edited.EditCount + 1,
            EditDate = Now(),
            Version = _chatSignal.Version + 1,
        };
        chat.Messages[index] = edited;
        _chatSignal.Notify();
        return edited;
    }

    private StoredFile StoreFile(byte[] bytes, string folder, string? fileName, string? mimeType)
    {
        var number = _nextFileNumber++;
        var extension = fileName is null ? ".jpg" : Path.GetExtension(fileName);
        var prefix = folder == "photos" ? "AgAC" : "BQAC";
        var info = new ChatFile(
            FileId: string.Create(CultureInfo.InvariantCulture, $"{prefix}{_salt}{number:D6}"),
            FileUniqueId: string.Create(CultureInfo.InvariantCulture, $"AQAD{number:D6}"),
            FileName: fileName,
            MimeType: mimeType,
            FileSize: bytes.Length,
            FilePath: string.Create(CultureInfo.InvariantCulture, $"{folder}/file_{number}{extension}"));
        var stored = new StoredFile(info, [.. bytes]);
        _filesById[info.FileId] = stored;
        _filesByPath[info.FilePath] = stored;
        return stored;
    }

    private SandboxChat User(long userId) =>
        _chats.GetValueOrDefault(userId) ?? throw new ArgumentException($"There is no simulated user or chat {userId}.", nameof(userId));

    private SandboxChat KnownChat(long? chatId) =>
        chatId is { } id && _chats.TryGetValue(id, out var chat) ? chat : throw BotApiException.BadRequest("chat not found");

    private SandboxChat WritableChat(long? chatId)
    {
        var chat = KnownChat(chatId);
        if (chat.BlockedBot)
        {
            throw BotApiException.Forbidden("bot was blocked by the user");
        }

        if (_options.RequireUserToStartChat && !chat.Started)
        {
            throw BotApiException.Forbidden("bot can't initiate conversation with a user");
        }

        return chat;
    }

    private (SandboxChat Chat, int Index) EditableMessage(long? chatId, long? messageId)
    {
        var chat = KnownChat(chatId);
        if (chat.BlockedBot)
        {
            throw BotApiException.Forbidden("bot was blocked by the user");
        }

        var index = chat.Messages.FindIndex(m => m.MessageId == messageId);
        if (index < 0)
        {
            throw BotApiException.BadRequest("message to edit not found");
        }

        if (chat.Messages[index].Sender != ChatMessageSender.Bot)
        {
            throw BotApiException.BadRequest("message can't be edited");
        }

        return (chat, index);
    }

    private static BotApiException NotModified() => BotApiException.BadRequest(
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");

    private static ReplyMarkup ParseMarkup(BotApiParameters parameters) =>
        ReplyMarkup.Parse(parameters.Json("reply_markup", "can't parse reply keyboard markup JSON object"));

    private static ReplyMarkup ParseInlineMarkup(BotApiParameters parameters)
    {
        var markup = ParseMarkup(parameters);
        return markup.ReplyKeyboard is null && !markup.RemoveKeyboard
            ? markup
            : throw BotApiException.BadRequest("inline keyboard expected");
    }

    private static (string Raw, string? ParseMode, string Plain) ParseText(string? raw, string? parseMode)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            throw BotApiException.BadRequest("message text is empty");
        }

        var plain = Render(raw, parseMode);
        return string.IsNullOrWhiteSpace(plain)
            ? throw BotApiException.BadRequest("message text is empty")
            : (raw, NullIfEmpty(parseMode), plain);
    }

    private static (string? Raw, string? ParseMode, string? Plain) ParseCaption(string? raw, string? parseMode)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return (null, null, null);
        }

        var plain = Render(raw, parseMode);
        return plain.Length > MaxCaptionLength
            ? throw BotApiException.BadRequest("message caption is too long")
            : (raw, NullIfEmpty(parseMode), plain);
    }

    private static string Render(string raw, string? parseMode) => NullIfEmpty(parseMode)?.ToUpperInvariant() switch
    {
        null => raw,
        "HTML" => TelegramHtml.ToPlainText(raw),
        // Markdown is accepted unchecked: the bot sends HTML, and a sandbox page shows the raw text anyway.
        "MARKDOWN" or "MARKDOWNV2" => raw,
        _ => throw BotApiException.BadRequest("unsupported parse_mode"),
    };

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private DateTimeOffset Now() => _clock.GetUtcNow();

    private JsonObject RenderUser(SandboxChat chat)
    {
        var user = new JsonObject { ["id"] = chat.UserId, ["is_bot"] = false, ["first_name"] = chat.FirstName };
        if (chat.LastName is not null)
        {
            user["last_name"] = chat.LastName;
        }

        user["language_code"] = "id";
        return user;
    }

    private JsonObject RenderChat(SandboxChat chat)
    {
        var json = new JsonObject { ["id"] = chat.UserId, ["first_name"] = chat.FirstName };
        if (chat.LastName is not null)
        {
            json["last_name"] = chat.LastName;
        }

        json["type"] = "private";
        return json;
    }

    private JsonObject RenderMessage(SandboxChat chat, ChatMessage message)
    {
        var json = new JsonObject
        {
            ["message_id"] = message.MessageId,
            ["from"] = message.Sender == ChatMessageSender.Bot
                ? new JsonObject
                {
                    ["id"] = BotId, ["is_bot"] = true, ["first_name"] = _options.BotFirstName, ["username"] = _options.BotUsername,
                }
                : RenderUser(chat),
            ["chat"] = RenderChat(chat),
            ["date"] = message.Date.ToUnixTimeSeconds(),
        };
        if (message.EditDate is { } editDate)
        {
            json["edit_date"] = editDate.ToUnixTimeSeconds();
        }

        if (message.Text is { } text)
        {
            json["text"] = text;
            if (message.Sender == ChatMessageSender.User && CommandLength(text) is > 0 and var length)
            {
                json["entities"] = new JsonArray(new JsonObject { ["offset"] = 0, ["length"] = length, ["type"] = "bot_command" });
            }
        }

        if (message.Document is { } document)
        {
            var file = RenderFile(document);
            file["file_name"] = document.FileName;
            file["mime_type"] = document.MimeType;
            json["document"] = file;
        }

        if (message.Photo is { } photo)
        {
            var size = RenderFile(photo);
            var (width, height) = ImageSize.Detect(_filesById[photo.FileId].Bytes);
            size["width"] = width;
            size["height"] = height;
            json["photo"] = new JsonArray(size);
        }

        if (message.Caption is { } caption)
        {
            json["caption"] = caption;
        }

        if (message.Contact is { } contact)
        {
            var card = new JsonObject { ["phone_number"] = contact.PhoneNumber, ["first_name"] = contact.FirstName };
            if (contact.LastName is not null)
            {
                card["last_name"] = contact.LastName;
            }

            if (contact.UserId is { } contactUserId)
            {
                card["user_id"] = contactUserId;
            }

            json["contact"] = card;
        }

        if (ReplyMarkup.ToJson(message.InlineKeyboard) is { } markup)
        {
            json["reply_markup"] = markup;
        }

        return json;
    }

    private static JsonObject RenderFile(ChatFile file) => new()
    {
        ["file_id"] = file.FileId,
        ["file_unique_id"] = file.FileUniqueId,
        ["file_size"] = file.FileSize,
    };

    /// <summary>The length of a leading <c>/command</c> (with an optional <c>@botname</c>), which Telegram marks as bot_command.</summary>
    private static int CommandLength(string text)
    {
        if (text.Length < 2 || text[0] != '/' || !(char.IsAsciiLetterOrDigit(text[1]) || text[1] == '_'))
        {
            return 0;
        }

        var end = 1;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '_' or '@'))
        {
            end++;
        }

        return end;
    }

    private static string Transcript(SandboxChat chat) =>
        "Chat so far:\n" + string.Join('\n', chat.Messages);

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandName();
}
