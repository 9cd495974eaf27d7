using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace KinerjaBot.Sandbox.WhatsApp;

/// <summary>
/// The WhatsApp Cloud API as the sandbox plays it (<see cref="LocalBotApiServer.WhatsApp"/>): Graph endpoints under
/// <c>{BaseUrl}/whatsapp</c> for the bot, simulated people for tests and the page, signed webhooks to the bot.
/// Thread-safe. Knows nothing about the bot.
/// </summary>
public sealed class WhatsAppDouble : IDisposable
{
    private readonly WhatsAppWebhookDeliverer _webhooks;
    private readonly GraphRequestLog _requests;
    private readonly FaultInjector _faults = new();
    private readonly Lock _pageGate = new();
    private readonly List<WhatsAppChatPageEntry> _pageEntries = [];

    internal WhatsAppDouble(WhatsAppDoubleOptions options, TimeProvider serverClock, TimeSpan retryDelay, int requestLogCapacity, ILoggerFactory? loggers)
    {
        Options = options;
        var logger = loggers?.CreateLogger<WhatsAppDouble>() ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        _webhooks = new WhatsAppWebhookDeliverer(options, retryDelay, logger);
        _requests = new GraphRequestLog(requestLogCapacity);
        Media = new WhatsAppMediaStore();
        Chats = new WhatsAppChats(options, options.TimeProvider ?? serverClock, _webhooks);
        Endpoints = new GraphEndpoints(options, Chats, Media, _requests, _faults, logger);
    }

    /// <summary>The settings the double runs with.</summary>
    public WhatsAppDoubleOptions Options { get; }

    /// <summary>Grows with every change a person could see (messages, users); the page long-polls it.</summary>
    public long Version => Chats.Version;

    /// <summary>Every message the Graph API accepted from the bot, in order, including those that then failed (<see cref="WhatsAppChatMessage.FailureCode"/>).</summary>
    public IReadOnlyList<WhatsAppChatMessage> SentMessages => Chats.SentMessages;

    /// <summary>Every Graph call, with its status and error code.</summary>
    public IReadOnlyList<WhatsAppGraphRequest> RequestLog => _requests.Snapshot();

    /// <summary>Every attempt to POST an event to the bot's webhook.</summary>
    public IReadOnlyList<WhatsAppWebhookDelivery> WebhookDeliveries => _webhooks.Deliveries;

    /// <summary>The verified webhook URL, or null before <see cref="SubscribeAsync"/>.</summary>
    public Uri? WebhookUrl => _webhooks.Url;

    /// <summary>Events waiting for a subscription or a successful delivery.</summary>
    public int PendingWebhookEvents => _webhooks.PendingCount;

    /// <summary>The simulated people, in no particular order.</summary>
    public IReadOnlyList<SimulatedWhatsAppUser> Users => [.. Chats.UserIds().Select(id => new SimulatedWhatsAppUser(this, id))];

    /// <summary>The WhatsApp people listed on the chat page (<see cref="LocalBotApiServer.ListOnChatPage(WhatsAppChatPageEntry)"/>), in order.</summary>
    public IReadOnlyList<WhatsAppChatPageEntry> PageEntries
    {
        get
        {
            lock (_pageGate)
            {
                return [.. _pageEntries];
            }
        }
    }

    internal WhatsAppChats Chats { get; }

    internal WhatsAppMediaStore Media { get; }

    internal GraphEndpoints Endpoints { get; }

    /// <summary>Adds a person with a WhatsApp account; they have not written yet, so the bot may reach them by template only.</summary>
    /// <param name="waId">Their number in international format, digits only (e.g. 6281234567890).</param>
    /// <param name="profileName">The name their profile shows, sent in every webhook's <c>contacts</c>.</param>
    public SimulatedWhatsAppUser AddUser(string waId, string profileName)
    {
        Chats.AddUser(waId, profileName);
        return new SimulatedWhatsAppUser(this, waId);
    }

    /// <summary>A person added earlier.</summary>
    public SimulatedWhatsAppUser GetUser(string waId)
    {
        Chats.ProfileName(waId);
        return new SimulatedWhatsAppUser(this, waId);
    }

    /// <summary>
    /// Points the webhook at the bot as saving it in Meta's dashboard does: a GET with <c>hub.mode=subscribe</c>,
    /// the verify token and a challenge the bot must echo with 200; then queued and new events are POSTed there.
    /// </summary>
    /// <exception cref="InvalidOperationException">The bot did not pass the verification.</exception>
    public Task SubscribeAsync(Uri webhookUrl, CancellationToken cancellationToken = default) =>
        _webhooks.SubscribeAsync(webhookUrl, cancellationToken);

    /// <summary>Completes with the first Graph call that matches, as soon as one is logged.</summary>
    public Task<WhatsAppGraphRequest> WaitForRequestAsync(
        Func<WhatsAppGraphRequest, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _requests.WaitForAsync(predicate, timeout, cancellationToken);

    /// <summary>Completes with the first webhook delivery attempt that matches.</summary>
    public Task<WhatsAppWebhookDelivery> WaitForWebhookDeliveryAsync(
        Func<WhatsAppWebhookDelivery, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _webhooks.WaitForAsync(predicate, timeout, cancellationToken);

    /// <summary>Completes with the new <see cref="Version"/> once it exceeds <paramref name="knownVersion"/>.</summary>
    public Task<long> WaitForChangeAsync(long knownVersion, CancellationToken cancellationToken = default) =>
        Chats.WaitForChangeAsync(knownVersion, cancellationToken);

    /// <summary>
    /// Makes the next <paramref name="count"/> calls of an endpoint fail: <c>messages</c>, <c>media</c> (upload),
    /// <c>media-lookup</c>, <c>media-download</c> or <c>*</c>. <see cref="BotApiFault.TooManyRequests"/> answers
    /// 429 with code 130429 "Rate limit hit"; the other kinds behave as on the Bot API.
    /// </summary>
    public void InjectFault(string endpoint, BotApiFault fault, int count = 1) => _faults.Inject(endpoint, fault, count);

    /// <summary>Removes injected faults that have not fired yet.</summary>
    public void ClearFaults() => _faults.Clear();

    /// <summary>The bytes of a medium the bot uploaded or a person sent.</summary>
    public byte[] ReadMedia(string mediaId) =>
        Media.Find(mediaId) is { } item ? [.. item.Bytes] : throw new ArgumentException($"No WhatsApp media with id '{mediaId}'.", nameof(mediaId));

    internal WhatsAppChatPageEntry? FindPageEntry(string key)
    {
        lock (_pageGate)
        {
            return _pageEntries.Find(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase));
        }
    }

    internal void ListOnChatPage(WhatsAppChatPageEntry entry)
    {
        Chats.ProfileName(entry.WaId);
        lock (_pageGate)
        {
            if (_pageEntries.Exists(e => string.Equals(e.Key, entry.Key, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidOperationException($"The chat page already lists '{entry.Key}'.");
            }

            _pageEntries.Add(entry);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _webhooks.Dispose();

    internal void Map(IEndpointRouteBuilder routes) => Endpoints.Map(routes);

    internal Task RunWebhooksAsync(CancellationToken stopping) => _webhooks.RunAsync(stopping);
}
