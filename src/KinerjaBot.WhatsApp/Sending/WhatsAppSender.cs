using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KinerjaBot.WhatsApp;

/// <summary>
/// The one way the bot sends and uploads on WhatsApp, like TelegramSender on Telegram: every request takes a slot of
/// one bot-wide sliding window first; 429, throughput (130429), pair rate (131056), 5xx and transport failures are
/// retried with backoff (never sooner than a Retry-After), up to <see cref="WhatsAppSenderOptions.MaxAttempts"/>;
/// anything else (131047 outside the 24-hour window, 131009 a broken limit) fails at once for the caller to decide.
/// All waiting uses the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class WhatsAppSender
{
    private readonly GraphClient _client;
    private readonly TimeProvider _time;
    private readonly WhatsAppSenderOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _window = new(1, 1);
    private readonly Queue<DateTimeOffset> _recent = new();

    public WhatsAppSender(GraphClient client, TimeProvider timeProvider, WhatsAppSenderOptions? options = null, ILogger<WhatsAppSender>? logger = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _options = options ?? new WhatsAppSenderOptions();
        _logger = logger ?? (ILogger)NullLogger.Instance;
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxAttempts, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.GlobalLimit, 1, nameof(options));
    }

    /// <summary>Sends a message; returns its wamid.</summary>
    public Task<string> SendAsync(GraphMessage message, CancellationToken cancellationToken) =>
        WithRetriesAsync(() => _client.SendMessageAsync(message, cancellationToken), $"message to {message.To}", cancellationToken);

    /// <summary>Uploads a file (read afresh on every attempt); returns the media id.</summary>
    public Task<string> UploadAsync(string path, string fileName, string mimeType, CancellationToken cancellationToken) =>
        WithRetriesAsync(
            async () =>
            {
                await using var file = File.OpenRead(path);
                return await _client.UploadMediaAsync(file, fileName, mimeType, cancellationToken);
            },
            $"upload of {fileName}",
            cancellationToken);

    private async Task<T> WithRetriesAsync<T>(Func<Task<T>> request, string what, CancellationToken cancellationToken)
    {
        var backoff = _options.FirstBackoff;
        for (var attempt = 1; ; attempt++)
        {
            await TakeSlotAsync(cancellationToken);
            try
            {
                return await request();
            }
            catch (GraphApiException e) when (e.IsTemporary && attempt < _options.MaxAttempts)
            {
                var pause = e.Code == GraphApiException.PairRateLimit ? _options.PairRatePause : backoff;
                if (e.RetryAfter is { } retryAfter && retryAfter > pause)
                {
                    pause = retryAfter;
                }

                _logger.LogWarning("WhatsApp {What} failed ({Error}); attempt {Attempt} of {Max}, retrying in {Pause}", what, e.Message, attempt, _options.MaxAttempts, pause);
                await Task.Delay(pause, _time, cancellationToken);
                backoff *= 2;
            }
        }
    }

    /// <summary>Waits until fewer than <see cref="WhatsAppSenderOptions.GlobalLimit"/> requests left in the last window.</summary>
    private async Task TakeSlotAsync(CancellationToken cancellationToken)
    {
        await _window.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var now = _time.GetUtcNow();
                while (_recent.TryPeek(out var oldest) && now - oldest >= _options.GlobalWindow)
                {
                    _recent.Dequeue();
                }

                if (_recent.Count < _options.GlobalLimit)
                {
                    _recent.Enqueue(now);
                    return;
                }

                await Task.Delay(_options.GlobalWindow - (now - _recent.Peek()), _time, cancellationToken);
            }
        }
        finally
        {
            _window.Release();
        }
    }
}
