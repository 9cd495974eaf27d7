using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Telegram.Bot;

namespace KinerjaBot.Sandbox;

/// <summary>
/// Everything the fake Telegram knows, by job: the chats people see, the updates the bot polls, the files, the
/// button presses awaiting answers, the request log and injected faults, and the Bot API methods over them.
/// Each part has its own lock; <see cref="SandboxChats"/> documents the one order they may nest in.
/// </summary>
internal sealed class SandboxState
{
    public SandboxState(LocalBotApiServerOptions options)
    {
        BotId = ParseBotId(options.Token);
        var salt = Guid.NewGuid().ToString("N")[..10];
        Chats = new SandboxChats(options, BotId);
        Updates = new UpdateQueue(options.FirstUpdateId);
        Files = new FileStore(salt);
        Callbacks = new CallbackQueries(Chats.NotifyChange);
        Requests = new RequestJournal(options.RequestLogCapacity);
        Limits = options.Limits is { } limits ? new TelegramLimitsMeter(limits) : null;
        var telegram = new TelegramObjects(options, BotId, salt, Files);
        Users = new UserActions(Chats, Updates, Files, Callbacks, telegram);
        var json = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        JsonBotAPI.Configure(json);
        Webhooks = new WebhookDeliverer(
            Updates, json, options.WebhookRetryDelay, options.WebhookConnections, options.LoggerFactory?.CreateLogger<WebhookDeliverer>() ?? (ILogger)NullLogger.Instance);
        Methods = new BotApiMethods(Chats, Updates, Files, Callbacks, telegram, Webhooks);
    }

    public long BotId { get; }

    public SandboxChats Chats { get; }

    public UpdateQueue Updates { get; }

    public FileStore Files { get; }

    public CallbackQueries Callbacks { get; }

    public RequestJournal Requests { get; }

    public FaultInjector Faults { get; } = new();

    /// <summary>Null unless <see cref="LocalBotApiServerOptions.Limits"/> asks for the limits to be measured.</summary>
    public TelegramLimitsMeter? Limits { get; }

    public UserActions Users { get; }

    public BotApiMethods Methods { get; }

    public WebhookDeliverer Webhooks { get; }

    private static long ParseBotId(string token)
    {
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && long.TryParse(token.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var botId)
            ? botId
            : throw new ArgumentException("A bot token looks like '123456789:secret': the bot's numeric id, a colon, a secret.", "options");
    }
}
