using System.Net;
using System.Text.RegularExpressions;

namespace KinerjaBot.TelegramChannel;

/// <summary>
/// How updates reach the bot (the <c>Telegram</c> settings section): by long polling (the default, nothing to set
/// up), or pushed by Telegram to a webhook, which several instances behind a load balancer can share.
/// </summary>
public sealed partial class TelegramUpdateOptions
{
    public const string Polling = "polling";
    public const string Webhook = "webhook";

    /// <summary><c>polling</c> (default) or <c>webhook</c>.</summary>
    public string Mode { get; set; } = Polling;

    /// <summary>The public HTTPS address Telegram posts updates to, e.g. <c>https://bot.example.go.id/telegram/kec-sukamaju</c>.</summary>
    public string WebhookUrl { get; set; } = "";

    /// <summary>
    /// Telegram sends it back in <c>X-Telegram-Bot-Api-Secret-Token</c> with every update; a request without it is
    /// refused, so only Telegram can feed the bot. A secret: set it in the environment, never in a committed file.
    /// </summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>
    /// The local address the webhook endpoint (and <c>/healthz</c>) listens on; the reverse proxy that terminates
    /// HTTPS forwards to it. Loopback by default, so nothing is exposed by accident.
    /// </summary>
    public string WebhookListen { get; set; } = "http://127.0.0.1:8080";

    /// <summary>At most this many webhook requests Telegram opens at once (Telegram allows 1–100, default 40).</summary>
    public int WebhookMaxConnections { get; set; } = 40;

    public bool IsWebhook => string.Equals(Mode, Webhook, StringComparison.OrdinalIgnoreCase);

    /// <summary>Every problem with the settings, each saying what to set; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!IsWebhook && !string.Equals(Mode, Polling, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"Telegram:Mode is '{Mode}'; use polling (the default) or webhook.");
            return problems;
        }

        if (!IsWebhook)
        {
            return problems;
        }

        if (!Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var url) || !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)))
        {
            problems.Add(
                $"Telegram:WebhookUrl is '{WebhookUrl}'; with Telegram:Mode webhook it must be the public HTTPS address Telegram posts to, e.g. https://bot.example.go.id/telegram/kec-sukamaju (plain http only for 127.0.0.1, for the sandbox).");
        }

        if (!SecretShape().IsMatch(WebhookSecret))
        {
            problems.Add(
                "Telegram:WebhookSecret must be 16–256 characters of A–Z, a–z, 0–9, '_' or '-' (Telegram echoes it in X-Telegram-Bot-Api-Secret-Token); generate one with 'openssl rand -hex 32' and set it as the environment variable Telegram__WebhookSecret.");
        }

        if (ListenEndPointOrNull() is null)
        {
            problems.Add(
                $"Telegram:WebhookListen is '{WebhookListen}'; use plain http on an IP address and port, such as http://127.0.0.1:8080 or http://0.0.0.0:8080 (the reverse proxy in front terminates HTTPS).");
        }

        if (WebhookMaxConnections is < 1 or > 100)
        {
            problems.Add($"Telegram:WebhookMaxConnections is {WebhookMaxConnections}; Telegram accepts 1–100.");
        }

        return problems;
    }

    /// <summary>The address and port <see cref="WebhookListen"/> names; call only on validated options.</summary>
    public IPEndPoint ListenEndPoint() =>
        ListenEndPointOrNull() ?? throw new InvalidOperationException($"Telegram:WebhookListen '{WebhookListen}' is not an http address with an IP and a port.");

    private IPEndPoint? ListenEndPointOrNull()
    {
        if (!Uri.TryCreate(WebhookListen, UriKind.Absolute, out var listen) || listen.Scheme != Uri.UriSchemeHttp)
        {
            return null;
        }

        var host = listen.Host == "localhost" ? "127.0.0.1" : listen.Host.Trim('[', ']');
        return IPAddress.TryParse(host, out var address) ? new IPEndPoint(address, listen.Port) : null;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{16,256}$")]
    private static partial Regex SecretShape();
}
