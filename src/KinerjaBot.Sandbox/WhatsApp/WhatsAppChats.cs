using System.Globalization;
using System.Text.Json.Nodes;

namespace KinerjaBot.Sandbox.WhatsApp;

/// <summary>
/// The WhatsApp people and their chats, the customer-service window and pair rate, and the change counter the
/// waits and the page follow. It queues webhook events while holding its lock (its only outward call), so events
/// leave in the order messages were written.
/// </summary>
internal sealed class WhatsAppChats(WhatsAppDoubleOptions options, TimeProvider clock, WhatsAppWebhookDeliverer webhooks)
{
    private readonly Lock _gate = new();
    private readonly ChangeSignal _changed = new();
    private readonly Dictionary<string, Person> _people = new(StringComparer.Ordinal);
    private readonly List<WhatsAppChatMessage> _sent = [];
    private long _nextMessage;

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

    public IReadOnlyList<WhatsAppChatMessage> SentMessages
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    public void AddUser(string waId, string profileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(profileName);
        if (waId is not { Length: >= 6 and <= 15 } || !waId.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"A WhatsApp id is the number in international format, digits only (for example 6281234567890), not '{waId}'.", nameof(waId));
        }

        lock (_gate)
        {
            if (!_people.TryAdd(waId, new Person(waId, profileName)))
            {
                throw new ArgumentException($"There is already a WhatsApp user {waId}.", nameof(waId));
            }

            _changed.Notify();
        }
    }

    public IReadOnlyList<string> UserIds()
    {
        lock (_gate)
        {
            return [.. _people.Keys];
        }
    }

    public string ProfileName(string waId) => Read(waId, p => p.ProfileName);

    public IReadOnlyList<WhatsAppChatMessage> Messages(string waId) => Read(waId, p => p.Messages.ToList());

    /// <summary>
    /// Delivers a message the Graph API accepted, or refuses it. Outside the window only templates pass: as on the
    /// real Cloud API the send is answered 200 and then fails by webhook with 131047 (or, with
    /// <see cref="WhatsAppDoubleOptions.RefuseReEngagementSynchronously"/>, is refused at once). With
    /// <see cref="WhatsAppDoubleOptions.EnforcePairRate"/> messages to one person must be spaced (131056).
    /// Statuses sent and delivered follow by webhook; to a number nobody uses, the message fails (131026).
    /// </summary>
    public WhatsAppChatMessage AcceptFromBot(string waId, WhatsAppChatMessage draft)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            var person = _people.GetValueOrDefault(waId);
            var outsideWindow = draft.Type != "template" && (person?.LastWroteAt is not { } wrote || now >= wrote + options.CustomerServiceWindow);
            if (outsideWindow && options.RefuseReEngagementSynchronously)
            {
                throw GraphException.ReEngagement();
            }

            if (options.EnforcePairRate && person?.LastBotMessageAt is { } previous && now < previous + options.PairRateInterval)
            {
                throw GraphException.PairRateLimit();
            }

            var failure = outsideWindow ? GraphException.ReEngagement() : person is null ? GraphException.Undeliverable() : null;
            var message = draft with { Id = NewMessageId(), SentAt = now, Version = _changed.Version + 1, FailureCode = failure?.Code };
            _sent.Add(message);
            if (failure is not null)
            {
                webhooks.Enqueue("status:failed", WhatsAppWebhookPayloads.Status(options, message.Id, "failed", now, waId, failure));
                return message;
            }

            person!.Messages.Add(message);
            person.LastBotMessageAt = now;
            _changed.Notify();
            webhooks.Enqueue("status:sent", WhatsAppWebhookPayloads.Status(options, message.Id, "sent", now, waId));
            webhooks.Enqueue("status:delivered", WhatsAppWebhookPayloads.Status(options, message.Id, "delivered", now, waId));
            return message;
        }
    }

    /// <summary>
    /// The person writes: the message appears in the chat, the window reopens and the webhook event is queued.
    /// <paramref name="webhookMessage"/> is the event's message object without <c>from</c>, <c>id</c> and <c>timestamp</c>.
    /// </summary>
    public string UserWrites(string waId, WhatsAppChatMessage shown, JsonObject webhookMessage)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            var person = Known(waId);
            var id = NewMessageId();
            person.Messages.Add(shown with { Id = id, Sender = WhatsAppChatSender.User, SentAt = now, Version = _changed.Version + 1 });
            person.LastWroteAt = now;
            person.LastActionVersion = _changed.Notify();
            var message = new JsonObject
            {
                ["from"] = waId,
                ["id"] = id,
                ["timestamp"] = WhatsAppWebhookPayloads.UnixSeconds(now),
            };
            foreach (var (key, node) in webhookMessage.ToList())
            {
                webhookMessage.Remove(key);
                message[key] = node;
            }

            webhooks.Enqueue(shown.Type, WhatsAppWebhookPayloads.IncomingMessage(options, waId, person.ProfileName, message));
            return id;
        }
    }

    /// <summary>The person opens the chat: every bot message not yet read gets a <c>read</c> status; returns how many.</summary>
    public int MarkRead(string waId)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            var person = Known(waId);
            var unread = person.Messages.Where(m => m.Sender == WhatsAppChatSender.Bot && m.Version > person.ReadUpToVersion).ToList();
            foreach (var message in unread)
            {
                webhooks.Enqueue("status:read", WhatsAppWebhookPayloads.Status(options, message.Id, "read", now, waId));
            }

            person.ReadUpToVersion = _changed.Version;
            return unread.Count;
        }
    }

    /// <summary>The newest bot message that matches, for a press; throws with the chat when there is none.</summary>
    public WhatsAppChatMessage NewestBotMessage(string waId, Func<WhatsAppChatMessage, bool> matches, string what)
    {
        var messages = Messages(waId);
        return messages.LastOrDefault(m => m.Sender == WhatsAppChatSender.Bot && matches(m))
            ?? throw new InvalidOperationException($"No bot message in the chat with {waId} has {what}. Chat so far:\n" + string.Join('\n', messages));
    }

    /// <summary>Waits for a bot message that appeared after the person's latest action and matches.</summary>
    public Task<WhatsAppChatMessage> WaitForReplyAsync(string waId, Func<WhatsAppChatMessage, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        Read(waId, p => p);
        return SignalWait.UntilAsync(
            _gate,
            _changed,
            () => (_people[waId].LastActionVersion, Messages: _people[waId].Messages.ToList()),
            chat => chat.Messages
                .Where(m => m.Sender == WhatsAppChatSender.Bot && m.Version > chat.LastActionVersion)
                .FirstOrDefault(predicate),
            chat => $"No bot message to WhatsApp user {waId} matched within {timeout.TotalSeconds:0.###}s. Chat so far:\n"
                + string.Join('\n', chat.Messages),
            timeout,
            cancellationToken);
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

    private string NewMessageId() =>
        "wamid.SANDBOX" + (++_nextMessage).ToString("D12", CultureInfo.InvariantCulture);

    private T Read<T>(string waId, Func<Person, T> read)
    {
        lock (_gate)
        {
            return read(Known(waId));
        }
    }

    private Person Known(string waId) =>
        _people.GetValueOrDefault(waId) ?? throw new ArgumentException($"There is no simulated WhatsApp user {waId}.", nameof(waId));

    private sealed class Person(string waId, string profileName)
    {
        public string WaId { get; } = waId;

        public string ProfileName { get; } = profileName;

        public List<WhatsAppChatMessage> Messages { get; } = [];

        public DateTimeOffset? LastWroteAt { get; set; }

        public DateTimeOffset? LastBotMessageAt { get; set; }

        public long LastActionVersion { get; set; }

        public long ReadUpToVersion { get; set; }
    }
}
