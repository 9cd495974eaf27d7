using KinerjaBot.Sandbox.WhatsApp;
using Microsoft.Extensions.Logging;

namespace KinerjaBot.Sandbox;

/// <summary>Settings for <see cref="LocalBotApiServer.StartAsync"/>.</summary>
public sealed record LocalBotApiServerOptions
{
    /// <summary>The bot token the server accepts; the digits before ':' are the bot's user id, as in Telegram.</summary>
    public string Token { get; init; } = "7000000001:SANDBOX-local-token";

    /// <summary>The bot's username, without '@'.</summary>
    public string BotUsername { get; init; } = "KinerjaSandboxBot";

    /// <summary>The bot's display name.</summary>
    public string BotFirstName { get; init; } = "KinerjaBot";

    /// <summary>The loopback port to listen on; 0 picks a free one (read <see cref="LocalBotApiServer.BaseUrl"/>).</summary>
    public int Port { get; init; }

    /// <summary>
    /// The first update_id handed out. A bot with a kept database has confirmed ids up to some offset; a sandbox
    /// restarted against it must continue above that, as Telegram would, or the bot would skip the new updates.
    /// </summary>
    public long FirstUpdateId { get; init; } = 1;

    /// <summary>The clock for message and edit dates, so tests that move time see consistent dates.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Refuse to message a user who never wrote to the bot (403 "bot can't initiate conversation with a user"),
    /// as Telegram does. Tests of reminders to people who never pressed /start rely on it.
    /// </summary>
    public bool RequireUserToStartChat { get; init; } = true;

    /// <summary>How many requests <see cref="LocalBotApiServer.RequestLog"/> keeps; the oldest are dropped first.</summary>
    public int RequestLogCapacity { get; init; } = 10_000;

    /// <summary>Serve the chat web page at <c>/</c> as well as the Bot API; null (the default) serves the Bot API only.</summary>
    public ChatPageOptions? ChatPage { get; init; }

    /// <summary>Where ASP.NET Core and the server log; null logs nothing (tests stay quiet).</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>
    /// After a webhook delivery fails, the pause before the next try (growing with each failure, up to ten times
    /// this). Telegram waits longer; the sandbox keeps tests quick.
    /// </summary>
    public TimeSpan WebhookRetryDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Measure the bot's sends and edits against Telegram's limits (<see cref="LocalBotApiServer.LimitViolations"/>),
    /// and with <see cref="TelegramLimitsOptions.Enforce"/> answer those over a limit with 429; null (the default)
    /// measures nothing and serves everything.
    /// </summary>
    public TelegramLimitsOptions? Limits { get; init; }

    /// <summary>
    /// How many updates the sandbox pushes to the webhook at once, each on its own connection, oldest first (Telegram
    /// uses up to the bot's max_connections). 1, the default, delivers one at a time in order; more lets two presses
    /// reach two instances behind a balancer at the same moment.
    /// </summary>
    public int WebhookConnections { get; init; } = 1;

    /// <summary>The WhatsApp Cloud API double served under <c>/whatsapp</c> beside the Bot API (<see cref="LocalBotApiServer.WhatsApp"/>).</summary>
    public WhatsAppDoubleOptions WhatsApp { get; init; } = new();
}
