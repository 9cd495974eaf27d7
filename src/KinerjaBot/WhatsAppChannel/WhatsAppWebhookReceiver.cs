using System.Net;
using KinerjaBot.Web;
using KinerjaBot.WhatsApp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KinerjaBot.WhatsAppChannel;

/// <summary>
/// The WhatsApp webhook endpoint, its own Kestrel listener inside the host (like Telegram's, decisions/0013): GET is
/// the verification handshake, POST hands the raw body and its signature to <see cref="WhatsAppWebhookProcessor"/>.
/// </summary>
public sealed class WhatsAppWebhookReceiver(
    IOptions<WhatsAppConnectionOptions> options,
    WhatsAppWebhookProcessor processor,
    ILogger<WhatsAppWebhookReceiver> logger) : BackgroundService
{
    private WebApplication? _app;

    /// <summary>The webhook URL once listening (the port is known only then when 0 was asked for).</summary>
    public Uri? WebhookUrl { get; private set; }

    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Listening before the host's start returns: Meta (or a test) may post the moment the bot says it runs.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Enabled && !string.IsNullOrWhiteSpace(settings.WebhookListen))
        {
            await ListenAsync(settings, cancellationToken);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;

    private async Task ListenAsync(WhatsAppConnectionOptions settings, CancellationToken cancellationToken)
    {
        var stoppingToken = _stopping.Token;

        var listen = new Uri(settings.WebhookListen!);
        var address = listen.Host == "localhost" ? IPAddress.Loopback : IPAddress.TryParse(listen.Host, out var ip) ? ip : IPAddress.Any;
        _app = WebhookListener.Create(new IPEndPoint(address, listen.Port));
        _app.MapGet(settings.WebhookPath, (HttpContext context) => Handshake(context, settings.VerifyToken!));
        _app.MapPost(settings.WebhookPath, (HttpContext context) => ReceiveAsync(context, stoppingToken));
        await _app.StartAsync(cancellationToken);
        WebhookUrl = new Uri(WebhookListener.BoundAddress(_app), settings.WebhookPath);
        logger.LogInformation("WhatsApp webhook listening on {Url}", WebhookUrl);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Requests in flight finish (and commit) first; a message cut off later is redelivered by Meta.
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }

        await _stopping.CancelAsync();
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _stopping.Dispose();
        (_app as IDisposable)?.Dispose();
        base.Dispose();
    }

    private static IResult Handshake(HttpContext context, string verifyToken)
    {
        var query = context.Request.Query;
        return WebhookHandshake.Answer(query["hub.mode"], query["hub.verify_token"], query["hub.challenge"], verifyToken) is { } challenge
            ? Results.Text(challenge, "text/plain")
            : Results.StatusCode(StatusCodes.Status403Forbidden);
    }

    private async Task ReceiveAsync(HttpContext context, CancellationToken stoppingToken)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);

        // The host's token, not the request's: once started, a message is applied even if Meta hangs up.
        var status = await processor.ProcessAsync(body.ToArray(), context.Request.Headers[WebhookSignature.HeaderName], stoppingToken);
        context.Response.StatusCode = (int)status;
    }
}
