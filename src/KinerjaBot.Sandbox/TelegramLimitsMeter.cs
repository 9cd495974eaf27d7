namespace KinerjaBot.Sandbox;

/// <summary>
/// Counts the bot's sends and edits against Telegram's limits as they arrive (<see cref="TelegramLimitsOptions"/>),
/// the way bench/peer's fake API does: a token bucket per chat and a sliding window bot-wide. It lists every request
/// over a limit and, when enforcing, tells the caller to refuse it with a retry_after.
/// </summary>
internal sealed class TelegramLimitsMeter(TelegramLimitsOptions options)
{
    // What Telegram counts as an outgoing message; answers to button presses, chat actions and deletions do not count.
    private static readonly HashSet<string> Counted = new(StringComparer.OrdinalIgnoreCase)
    {
        "sendMessage", "sendDocument", "editMessageText", "editMessageReplyMarkup",
    };

    private static readonly TimeSpan Block = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly TimeProvider _clock = options.Clock;
    private readonly Queue<long> _window = new();
    private readonly Dictionary<long, Bucket> _buckets = [];
    private readonly Dictionary<long, long> _chatBlockedUntil = [];
    private readonly List<LimitViolation> _violations = [];
    private long _botBlockedUntil = long.MinValue;

    public IReadOnlyList<LimitViolation> Violations()
    {
        lock (_gate)
        {
            return [.. _violations];
        }
    }

    /// <summary>Counts one request; returns the retry_after (seconds) to refuse it with, or null to serve it.</summary>
    public int? Admit(string method, long? chatId)
    {
        if (!Counted.Contains(method))
        {
            return null;
        }

        // Requests without a numeric chat (an inline message) share one bucket; the bot sends none today.
        var chat = chatId ?? long.MinValue;
        lock (_gate)
        {
            var now = _clock.GetTimestamp();
            if (options.Enforce)
            {
                var until = Math.Max(_botBlockedUntil, _chatBlockedUntil.GetValueOrDefault(chat, long.MinValue));
                if (now < until)
                {
                    // Too early after a 429: the block is not extended, as Telegram does not extend it either.
                    Record(method, chatId, LimitViolationKind.BeforeRetryAfter, refused: true);
                    return Math.Max(1, (int)Math.Ceiling(_clock.GetElapsedTime(now, until).TotalSeconds));
                }
            }

            while (_window.TryPeek(out var oldest) && _clock.GetElapsedTime(oldest, now) >= options.GlobalWindow)
            {
                _window.Dequeue();
            }

            if (_window.Count >= options.GlobalLimit)
            {
                Record(method, chatId, LimitViolationKind.BotWide, options.Enforce);
                if (options.Enforce)
                {
                    _botBlockedUntil = now + Ticks(Block);
                    return 1;
                }
            }

            var bucket = _buckets.GetValueOrDefault(chat) ?? new Bucket(options.PerChatBurst, now);
            var tokens = Math.Min(options.PerChatBurst, bucket.Tokens + (_clock.GetElapsedTime(bucket.At, now) / options.PerChatRefill));
            if (tokens < 1)
            {
                Record(method, chatId, LimitViolationKind.PerChat, options.Enforce);
                if (options.Enforce)
                {
                    _buckets[chat] = new Bucket(tokens, now);
                    _chatBlockedUntil[chat] = now + Ticks(Block);
                    return 1;
                }
            }

            // Served: it takes a token (an over-limit one takes what is left), and a place in the window.
            _buckets[chat] = new Bucket(Math.Max(0, tokens - 1), now);
            _window.Enqueue(now);
            return null;
        }
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * _clock.TimestampFrequency);

    // Under _gate.
    private void Record(string method, long? chatId, LimitViolationKind kind, bool refused) =>
        _violations.Add(new LimitViolation(chatId, method, _clock.GetUtcNow(), kind, refused));

    private sealed record Bucket(double Tokens, long At);
}
