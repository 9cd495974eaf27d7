using KinerjaBot.Sandbox.WhatsApp;
using Microsoft.AspNetCore.Http;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KinerjaBot.Sandbox;

/// <summary>
/// A local, Telegram-compatible Bot API server over real HTTP on 127.0.0.1. The bot talks to it exactly as to
/// <c>api.telegram.org</c> (<c>{BaseUrl}/bot{token}/{method}</c>, files at <c>{BaseUrl}/file/bot{token}/{path}</c>),
/// while tests (and the sandbox chat page, <see cref="LocalBotApiServerOptions.ChatPage"/>) play the people on the other side with <see cref="SimulatedUser"/>,
/// watch the chats, read the request log and inject faults. It knows nothing about the bot's domain.
/// All members are thread-safe: the bot polls while the test acts.
/// </summary>
public sealed class LocalBotApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SandboxState _state;
    private readonly ChatPageDirectory _chatPage;
    private readonly CancellationTokenSource _stopping;
    private readonly Task _webhookDelivery;
    private readonly Task _whatsAppWebhookDelivery;
    private int _disposed;

    private LocalBotApiServer(
        WebApplication app, SandboxState state, ChatPageDirectory chatPage, WhatsAppDouble whatsApp, CancellationTokenSource stopping, LocalBotApiServerOptions options, string baseUrl)
    {
        _webhookDelivery = Task.Run(() => state.Webhooks.RunAsync(stopping.Token), CancellationToken.None);
        _whatsAppWebhookDelivery = Task.Run(() => whatsApp.RunWebhooksAsync(stopping.Token), CancellationToken.None);
        WhatsApp = whatsApp;
        _app = app;
        _state = state;
        _chatPage = chatPage;
        _stopping = stopping;
        Options = options;
        BaseUrl = baseUrl;
    }

    /// <summary>The settings the server was started with.</summary>
    public LocalBotApiServerOptions Options { get; }

    /// <summary>The server's root, for example <c>http://127.0.0.1:41234</c> (no trailing slash): the bot's <c>ApiBaseUrl</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>The WhatsApp Cloud API double on the same port, under <c>{BaseUrl}/whatsapp</c> (the bot's <c>WhatsApp:ApiBaseUrl</c>).</summary>
    public WhatsAppDouble WhatsApp { get; }

    /// <summary>The token the server accepts.</summary>
    public string Token => Options.Token;

    /// <summary>The bot's user id (the digits of the token before ':').</summary>
    public long BotId => _state.BotId;

    /// <summary>
    /// A counter that grows with every change a person could see (messages, edits, deletions, users, blocking,
    /// callback answers). A web page long-polls it with <see cref="WaitForChangeAsync"/>.
    /// </summary>
    public long Version => _state.Chats.Version;

    /// <summary>Updates queued and not yet confirmed by the bot.</summary>
    public int PendingUpdateCount => _state.Updates.PendingCount;

    /// <summary>Every request the bot made, in arrival order (bounded by <see cref="LocalBotApiServerOptions.RequestLogCapacity"/>).</summary>
    public IReadOnlyList<RecordedBotRequest> RequestLog => _state.Requests.Snapshot();

    /// <summary>
    /// The bot's sends and edits that went over Telegram's limits, in order; always empty unless
    /// <see cref="LocalBotApiServerOptions.Limits"/> is set.
    /// </summary>
    public IReadOnlyList<LimitViolation> LimitViolations => _state.Limits?.Violations() ?? [];

    /// <summary>The bot's <c>answerCallbackQuery</c> calls, in order.</summary>
    public IReadOnlyList<CallbackAnswer> CallbackAnswers => _state.Callbacks.Answers();

    /// <summary>The command list from the bot's latest <c>setMyCommands</c>.</summary>
    public IReadOnlyList<(string Command, string Description)> MyCommands => [.. _state.Methods.Commands.Select(c => (c.Command, c.Description))];

    /// <summary>The simulated users, in no particular order.</summary>
    public IReadOnlyList<SimulatedUser> Users => [.. _state.Chats.UserIds().Select(id => new SimulatedUser(_state, id))];

    /// <summary>Starts listening on 127.0.0.1 and returns once requests are accepted.</summary>
    public static async Task<LocalBotApiServer> StartAsync(LocalBotApiServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LocalBotApiServerOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.WebhookConnections, 1);
        var state = new SandboxState(options);

        // Empty args and an explicit content root: the host must not pick up the bot's own settings or URLs.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(LocalBotApiServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // The bot's appsettings.json and ASPNETCORE_* variables (URLs, Kestrel endpoints) are not the sandbox's.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        if (options.LoggerFactory is { } loggerFactory)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            // Telegram accepts uploads up to 50 MB.
            kestrel.Limits.MaxRequestBodySize = 50L * 1024 * 1024;
        });

        var app = builder.Build();

        // Only this machine's own names: a web page that rebinds its DNS name to 127.0.0.1 would otherwise become
        // "same origin" and could read every chat and act as any official.
        app.Use(async (context, next) =>
        {
            if (context.Request.Host.Host is not ("127.0.0.1" or "localhost" or "[::1]"))
            {
                context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
                await context.Response.WriteAsync("This local sandbox answers only to 127.0.0.1 or localhost.");
                return;
            }

            await next(context);
        });
        var stopping = new CancellationTokenSource();
        var logger = options.LoggerFactory?.CreateLogger<LocalBotApiServer>() ?? (ILogger)NullLogger.Instance;
        var chatPage = new ChatPageDirectory();
        var whatsApp = new WhatsAppDouble(options.WhatsApp, options.TimeProvider, options.WebhookRetryDelay, options.RequestLogCapacity, options.LoggerFactory);
        if (options.ChatPage is { } pageOptions)
        {
            new ChatPageEndpoints(state, chatPage, pageOptions, whatsApp, stopping.Token).Map(app);
            new WhatsAppChatPageEndpoints(whatsApp, pageOptions, stopping.Token).Map(app);
        }

        new BotApiEndpoints(state, options.Token, logger, stopping.Token).Map(app);
        whatsApp.Map(app);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            whatsApp.Dispose();
            stopping.Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        logger.LogInformation("Sandbox Bot API listening on {BaseUrl}", address);
        return new LocalBotApiServer(app, state, chatPage, whatsApp, stopping, options, address.TrimEnd('/'));
    }

    /// <summary>Adds a person who can talk to the bot; their private chat's id is their user id.</summary>
    /// <param name="userId">The Telegram user id (positive, not the bot's).</param>
    /// <param name="firstName">The first name Telegram shows.</param>
    /// <param name="lastName">The last name, if any.</param>
    /// <param name="phone">The phone number their client shares as their own contact, exactly as Telegram reports it.</param>
    public SimulatedUser AddUser(long userId, string firstName, string? lastName, string phone)
    {
        _state.Chats.AddUser(userId, firstName, lastName, phone);
        return new SimulatedUser(_state, userId);
    }

    /// <summary>
    /// Offers a simulated user on the chat page (<see cref="LocalBotApiServerOptions.ChatPage"/>), under
    /// <c>/chat/{key}</c>. The host supplies the names and descriptions; the server only shows them.
    /// </summary>
    public void ListOnChatPage(ChatPageEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (Options.ChatPage is null)
        {
            throw new InvalidOperationException("The chat page is off; set LocalBotApiServerOptions.ChatPage to turn it on.");
        }

        if (WhatsApp.FindPageEntry(entry.Key) is not null)
        {
            throw new InvalidOperationException($"The chat page already lists '{entry.Key}' (a WhatsApp chat).");
        }

        _state.Chats.Person(entry.UserId);
        _chatPage.Add(entry);
    }

    /// <summary>
    /// Offers a simulated WhatsApp user (<see cref="WhatsAppDouble.AddUser"/>) on the chat page, under <c>/wa/{key}</c>,
    /// in a chat styled like WhatsApp. Keys are shared with the Telegram entries and must differ from them.
    /// </summary>
    public void ListOnChatPage(WhatsAppChatPageEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (Options.ChatPage is null)
        {
            throw new InvalidOperationException("The chat page is off; set LocalBotApiServerOptions.ChatPage to turn it on.");
        }

        if (!ChatPageDirectory.IsKey(entry.Key))
        {
            throw new ArgumentException($"'{entry.Key}' is not a page key: use letters, digits, '-', '_' or '.'.", nameof(entry));
        }

        if (_chatPage.Find(entry.Key) is not null)
        {
            throw new InvalidOperationException($"The chat page already lists '{entry.Key}'.");
        }

        WhatsApp.ListOnChatPage(entry);
    }

    /// <summary>The people listed on the chat page, in the order they were added.</summary>
    public IReadOnlyList<ChatPageEntry> ChatPageEntries => _chatPage.Entries;

    /// <summary>A simulated user added earlier.</summary>
    public SimulatedUser GetUser(long userId)
    {
        _state.Chats.Person(userId);
        return new SimulatedUser(_state, userId);
    }

    /// <summary>The person blocks the bot: its sends to them fail with 403 until they write again or <see cref="UnblockBot"/>.</summary>
    public void BlockBot(long userId) => _state.Chats.SetBlocked(userId, true);

    /// <summary>The person unblocks the bot.</summary>
    public void UnblockBot(long userId) => _state.Chats.SetBlocked(userId, false);

    /// <summary>The chat's messages from both sides, oldest first, bot messages in their latest edited state.</summary>
    public IReadOnlyList<ChatMessage> Messages(long chatId) => _state.Chats.Messages(chatId);

    /// <summary>The bot's newest message in the chat, or null.</summary>
    public ChatMessage? LastBotMessage(long chatId) => _state.Chats.Messages(chatId).LastOrDefault(m => m.Sender == ChatMessageSender.Bot);

    /// <summary>The reply keyboard the person's client currently shows, if any.</summary>
    public ChatReplyKeyboard? ActiveReplyKeyboard(long chatId) => _state.Chats.ActiveReplyKeyboard(chatId);

    /// <summary>
    /// Completes with the most recently changed bot message in the chat that matches, as soon as one exists
    /// (already present, newly sent or edited). Woken by change notifications, not by polling.
    /// </summary>
    /// <param name="chatId">The private chat (the user's id).</param>
    /// <param name="predicate">Runs outside the server's lock on snapshots; keep it free of side effects.</param>
    /// <param name="timeout">Real time to wait; a <see cref="TimeoutException"/> then lists the chat so far.</param>
    /// <param name="sinceVersion">Only messages created or edited after this <see cref="Version"/> count.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<ChatMessage> WaitForBotMessageAsync(
        long chatId,
        Func<ChatMessage, bool> predicate,
        TimeSpan timeout,
        long sinceVersion = 0,
        CancellationToken cancellationToken = default) =>
        _state.Chats.WaitForBotMessageAsync(chatId, predicate, sinceVersion, timeout, cancellationToken);

    /// <summary>A getUpdates long poll is waiting right now, so an update will reach the bot at once.</summary>
    public bool IsLongPolling => _state.Updates.IsLongPolling;

    /// <summary>Completes when a getUpdates long poll is waiting (at once if one is): the bot is up and listening.</summary>
    public Task WaitForLongPollAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _state.Updates.WaitForLongPollAsync(timeout, cancellationToken);

    /// <summary>Completes with the first logged request that matches, as soon as one has completed.</summary>
    public Task<RecordedBotRequest> WaitForRequestAsync(
        Func<RecordedBotRequest, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _state.Requests.WaitForAsync(predicate, timeout, cancellationToken);

    /// <summary>Completes with the new <see cref="Version"/> once it exceeds <paramref name="knownVersion"/> (at once if it already does).</summary>
    public Task<long> WaitForChangeAsync(long knownVersion, CancellationToken cancellationToken = default) =>
        _state.Chats.WaitForChangeAsync(knownVersion, cancellationToken);

    /// <summary>A stored file's bytes (a document the bot sent, or a user's upload).</summary>
    public byte[] ReadFile(string fileId) => _state.Files.Read(fileId);

    /// <summary>Makes the next <paramref name="count"/> calls of <paramref name="method"/> (case-insensitive; "*" for any) fail.</summary>
    public void InjectFault(string method, BotApiFault fault, int count = 1) => _state.Faults.Inject(method, fault, count);

    /// <summary>Removes injected faults that have not fired yet.</summary>
    public void ClearFaults() => _state.Faults.Clear();

    /// <summary>
    /// Hands an already confirmed update to the bot once more, as Telegram does when the bot crashed before its
    /// offset reached the server. The copy keeps its <c>update_id</c>, so a bot that remembers ids can drop it.
    /// </summary>
    public void RedeliverUpdate(long updateId) => _state.Updates.Redeliver(updateId);

    /// <summary>The webhook the bot registered with setWebhook, or null while it polls.</summary>
    public WebhookSubscription? Webhook => _state.Updates.Webhook;

    /// <summary>Every attempt to push an update to the bot's webhook, in order.</summary>
    public IReadOnlyList<WebhookDelivery> WebhookDeliveries => _state.Webhooks.Deliveries;

    /// <summary>Completes when the bot has registered a webhook (it runs in webhook mode).</summary>
    public Task WaitForWebhookAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _state.Updates.WaitForWebhookAsync(timeout, cancellationToken);

    /// <summary>Waits for a webhook delivery attempt that matches.</summary>
    public Task<WebhookDelivery> WaitForWebhookDeliveryAsync(
        Func<WebhookDelivery, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _state.Webhooks.WaitForAsync(predicate, timeout, cancellationToken);

    /// <summary>Stops the server; long polls in progress end without an answer.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(timeout.Token);
        }

        await _app.DisposeAsync();
        await _webhookDelivery;
        await _whatsAppWebhookDelivery;
        _state.Webhooks.Dispose();
        WhatsApp.Dispose();
        _stopping.Dispose();
    }
}
