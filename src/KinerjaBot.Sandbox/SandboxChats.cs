namespace KinerjaBot.Sandbox;

/// <summary>
/// The simulated people and their private chats as each person sees them: messages from both sides, the reply
/// keyboard, blocking, and the change <see cref="Version"/> the waits and the page follow. Lock order: this lock may
/// be held while the update queue, the files or the callback queries are called, never the other way round.
/// </summary>
internal sealed class SandboxChats(LocalBotApiServerOptions options, long botId)
{
    private readonly Lock _gate = new();
    private readonly ChangeSignal _changed = new();
    private readonly Dictionary<long, SandboxChat> _chats = [];

    public long Version
    {
        get
        {
            lock (_gate)
            {
                return _changed.Version;
            }
        }
    }

    public void AddUser(long userId, string firstName, string? lastName, string phone)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(firstName);
        ArgumentException.ThrowIfNullOrWhiteSpace(phone);
        if (userId <= 0 || userId == botId)
        {
            throw new ArgumentOutOfRangeException(nameof(userId), userId, "A user id is positive and differs from the bot's id.");
        }

        lock (_gate)
        {
            if (!_chats.TryAdd(userId, new SandboxChat(userId, firstName, lastName, phone)))
            {
                throw new InvalidOperationException($"User {userId} already exists.");
            }

            _changed.Notify();
        }
    }

    public IReadOnlyList<long> UserIds()
    {
        lock (_gate)
        {
            return [.. _chats.Keys];
        }
    }

    /// <summary>The person's chat; its names and id never change, so callers may read those outside the lock.</summary>
    public SandboxChat Person(long userId)
    {
        lock (_gate)
        {
            return User(userId);
        }
    }

    public void SetBlocked(long userId, bool blocked)
    {
        lock (_gate)
        {
            User(userId).BlockedBot = blocked;
            _changed.Notify();
        }
    }

    public bool IsBlocked(long userId) => Read(userId, chat => chat.BlockedBot);

    public ChatReplyKeyboard? ActiveReplyKeyboard(long userId) => Read(userId, chat => chat.ActiveReplyKeyboard);

    public long LastActionVersion(long userId) => Read(userId, chat => chat.LastActionVersion);

    public IReadOnlyList<ChatMessage> Messages(long userId) => Read(userId, chat => chat.Messages.ToList());

    public void NotifyChange()
    {
        lock (_gate)
        {
            _changed.Notify();
        }
    }

    /// <summary>
    /// The person writes: the message joins the chat and <paramref name="deliver"/> queues its update under this
    /// lock, so updates leave in the order the messages were written.
    /// </summary>
    public long AddUserMessage(long userId, Func<SandboxChat, ChatMessage> draft, Func<SandboxChat, ChatMessage, long> deliver)
    {
        lock (_gate)
        {
            var chat = User(userId);
            // Writing to a bot (the client's "Restart" button) also unblocks it.
            chat.Started = true;
            chat.BlockedBot = false;
            if (chat.ActiveReplyKeyboard is { OneTime: true })
            {
                chat.ActiveReplyKeyboard = null;
            }

            var message = draft(chat) with
            {
                ChatId = chat.UserId,
                MessageId = chat.NextMessageId++,
                Sender = ChatMessageSender.User,
                Date = options.TimeProvider.GetUtcNow(),
                Version = _changed.Version + 1,
            };
            chat.Messages.Add(message);
            chat.LastActionVersion = _changed.Notify();
            return deliver(chat, message);
        }
    }

    /// <summary>
    /// A button press. The button is not checked against the keyboard on purpose: modified clients can send any
    /// callback_data, and the bot must not trust it. The message must exist, as Telegram requires.
    /// </summary>
    public long PressButton(long userId, long messageId, Func<SandboxChat, ChatMessage, long> deliver)
    {
        lock (_gate)
        {
            var chat = User(userId);
            var message = chat.Messages.Find(m => m.MessageId == messageId && m.Sender == ChatMessageSender.Bot)
                ?? throw new ArgumentException($"Chat {userId} has no bot message #{messageId}.\n{Transcript(chat)}", nameof(messageId));
            var updateId = deliver(chat, message);
            chat.LastActionVersion = _changed.Version;
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

    /// <summary>Fails as Telegram does when the bot may not write to this chat.</summary>
    public void EnsureWritable(long? chatId)
    {
        lock (_gate)
        {
            WritableChat(chatId);
        }
    }

    public (SandboxChat Chat, ChatMessage Message) AddBotMessage(long? chatId, ReplyMarkup markup, Func<ChatMessage, ChatMessage> content)
    {
        lock (_gate)
        {
            var chat = WritableChat(chatId);
            var message = content(new ChatMessage
            {
                ChatId = chat.UserId,
                MessageId = chat.NextMessageId++,
                Sender = ChatMessageSender.Bot,
                Date = options.TimeProvider.GetUtcNow(),
                InlineKeyboard = markup.InlineKeyboard,
                ReplyKeyboard = markup.ReplyKeyboard,
                RemovesReplyKeyboard = markup.RemoveKeyboard,
            }) with { Version = _changed.Version + 1 };
            if (markup.ReplyKeyboard is not null)
            {
                chat.ActiveReplyKeyboard = markup.ReplyKeyboard;
            }
            else if (markup.RemoveKeyboard)
            {
                chat.ActiveReplyKeyboard = null;
            }

            chat.Messages.Add(message);
            _changed.Notify();
            return (chat, message);
        }
    }

    /// <summary>Replaces a bot message with <paramref name="edit"/>'s result, which throws to refuse the edit.</summary>
    public (SandboxChat Chat, ChatMessage Message) EditBotMessage(long? chatId, long? messageId, Func<ChatMessage, ChatMessage> edit)
    {
        lock (_gate)
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

            var edited = edit(chat.Messages[index]);
            edited = edited with
            {
                EditCount = edited.EditCount + 1,
                EditDate = options.TimeProvider.GetUtcNow(),
                Version = _changed.Version + 1,
            };
            chat.Messages[index] = edited;
            _changed.Notify();
            return (chat, edited);
        }
    }

    public void DeleteMessage(long? chatId, long? messageId)
    {
        lock (_gate)
        {
            var chat = KnownChat(chatId);
            if (chat.Messages.RemoveAll(m => m.MessageId == messageId) == 0)
            {
                throw BotApiException.BadRequest("message to delete not found");
            }

            _changed.Notify();
        }
    }

    public async Task<long> WaitForChangeAsync(long knownVersion, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task next;
            lock (_gate)
            {
                if (_changed.Version > knownVersion)
                {
                    return _changed.Version;
                }

                next = _changed.NextChange;
            }

            await next.WaitAsync(cancellationToken);
        }
    }

    public Task<ChatMessage> WaitForBotMessageAsync(
        long chatId, Func<ChatMessage, bool> predicate, long sinceVersion, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return SignalWait.UntilAsync(
            _gate,
            _changed,
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

    private T Read<T>(long userId, Func<SandboxChat, T> read)
    {
        lock (_gate)
        {
            return read(User(userId));
        }
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

        if (options.RequireUserToStartChat && !chat.Started)
        {
            throw BotApiException.Forbidden("bot can't initiate conversation with a user");
        }

        return chat;
    }

    private static string Transcript(SandboxChat chat) => "Chat so far:\n" + string.Join('\n', chat.Messages);
}
