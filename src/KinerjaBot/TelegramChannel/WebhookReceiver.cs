using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KinerjaBot.Storage;
using KinerjaBot.Telegram;
using KinerjaBot.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Exceptions;

namespace KinerjaBot.TelegramChannel;

/// <summary>
/// Webhook mode: serves the endpoint Telegram posts updates to, and <c>/healthz</c> for the load balancer. A request
/// without the configured secret is refused (403) before anything is read or stored. An update is answered 200 only
/// after <see cref="UpdateProcessor"/> committed it with its replies and its id, so a crash before the commit makes
/// Telegram deliver it again, and the recorded id makes a redelivery harmless (at least once in, exactly once applied).
/// </summary>
public sealed class WebhookReceiver(
    IOptions<TelegramUpdateOptions> updateOptions,
    TelegramBotSetup setup,
    UpdateProcessor processor,
    HealthReport health,
    KinerjaStore store,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    BotRunOutcome outcome,
    ILogger<WebhookReceiver> logger,
    SharedWebhookRoute? sharedRoute = null) : BackgroundService
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    // Telegram stops redelivering an update after a day; ids applied longer ago than this can be forgotten.
    private static readonly TimeSpan KeepAppliedIds = TimeSpan.FromDays(2);
    private static readonly TimeSpan ForgetEvery = TimeSpan.FromHours(1);

    // Telegram may open several connections at once, so two updates of one chat can arrive together; a chat's
    // updates are applied one at a time (as the poller does), on one of a fixed set of lanes.
    private readonly SemaphoreSlim[] _lanes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    private WebApplication? _app;
    private byte[] _secret = [];

    /// <summary>Where the endpoint listens once started (the port is known only then when 0 was asked for).</summary>
    public Uri? ListeningOn { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = updateOptions.Value;
        if (!options.IsWebhook)
        {
            return;
        }

        _secret = Encoding.UTF8.GetBytes(options.WebhookSecret);
        if (sharedRoute is not null)
        {
            // Several offices in one process: one listener for all, this office's bot on its own path.
            sharedRoute.Attach(context => ReceiveAsync(context, stoppingToken), health.WriteAsync);
        }
        else
        {
            _app = Build(options, stoppingToken);
            await _app.StartAsync(stoppingToken);
            ListeningOn = WebhookListener.BoundAddress(_app);
        }

        logger.LogInformation(
            "Webhook endpoint listening on {Listen} for {Path}; health at {Health}",
            ListeningOn?.ToString() ?? options.WebhookListen + " (shared by the offices)",
            new Uri(options.WebhookUrl).AbsolutePath,
            sharedRoute is null ? "/healthz" : $"/healthz/{sharedRoute.OfficeId}");

        await RegisterAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            await ForgetOldUpdateIdsAsync(stoppingToken);
            await Task.Delay(ForgetEvery, timeProvider, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Stop taking updates first: requests in flight finish (and commit) before the host goes on stopping.
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }

        if (sharedRoute is not null)
        {
            await sharedRoute.DetachAsync(cancellationToken);
        }

        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        (_app as IDisposable)?.Dispose();
        foreach (var lane in _lanes)
        {
            lane.Dispose();
        }

        base.Dispose();
    }

    private WebApplication Build(TelegramUpdateOptions options, CancellationToken stoppingToken)
    {
        var app = WebhookListener.Create(options.ListenEndPoint());
        var path = new Uri(options.WebhookUrl).AbsolutePath;
        app.MapPost(path, (HttpContext context) => ReceiveAsync(context, stoppingToken));
        app.MapGet("/healthz", (HttpContext context) => health.WriteAsync(context));
        return app;
    }

    private async Task RegisterAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await setup.TryPrepareAsync(stoppingToken))
                {
                    return;
                }
            }
            catch (ApiRequestException e) when (BotApiErrors.IsTokenRejected(e))
            {
                const string reason = "Telegram rejected the bot token (401 Unauthorized). Set a valid token from @BotFather in Telegram__BotToken and restart.";
                logger.LogCritical(reason);
                outcome.Fail(reason);
                lifetime.StopApplication();
                return;
            }

            failures++;
            var pause = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Min(failures, 6))));
            await Task.Delay(pause, timeProvider, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task ReceiveAsync(HttpContext context, CancellationToken stoppingToken)
    {
        if (!SecretMatches(context.Request.Headers[SecretHeader]))
        {
            logger.LogWarning(
                "Refused a webhook request from {Remote}: the {Header} header is missing or wrong (not Telegram, or Telegram:WebhookSecret changed without a restart)",
                context.Connection.RemoteIpAddress ?? IPAddress.None,
                SecretHeader);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        var receivedAt = timeProvider.GetUtcNow();
        UpdateBatch batch;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            batch = UpdateBatchReader.Read([document.RootElement.Clone()]);
        }
        catch (JsonException e)
        {
            // Answered 200 like an unreadable update in polling mode: a redelivery would be just as unreadable.
            logger.LogError("Skipping a webhook request whose body is not JSON ({Reason})", e.Message);
            return;
        }

        foreach (var malformed in batch.Malformed)
        {
            logger.LogError(
                "Skipping update {UpdateId} from Telegram: it cannot be read ({Reason})",
                malformed.UpdateId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "without a readable update_id",
                malformed.Reason);
        }

        foreach (var update in batch.Updates)
        {
            var lane = _lanes[(int)((ulong)UpdateChat.Of(update) % (ulong)_lanes.Length)];
            try
            {
                // The host's token, not the request's: once started, an update is applied even if Telegram hangs up.
                await lane.WaitAsync(stoppingToken);
                try
                {
                    // 200 once committed; the press's answer goes on without holding Telegram's connection.
                    _ = await processor.ApplyAsync(update, receivedAt, stoppingToken);
                }
                finally
                {
                    lane.Release();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Shutting down before the commit: Telegram delivers it again, to this instance or another.
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }
            catch (Exception e)
            {
                // A temporary failure (database busy, Telegram hiccup while downloading): not committed, so let
                // Telegram retry it.
                logger.LogWarning("Update {UpdateId} from the webhook was not applied ({Error}); Telegram will deliver it again", update.Id, e.Message);
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            }
        }
    }

    private bool SecretMatches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _secret);

    private async Task ForgetOldUpdateIdsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await store.BeginAsync(cancellationToken);
            await transaction.Telegram.ForgetProcessedBeforeAsync(timeProvider.GetUtcNow() - KeepAppliedIds, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Could not forget old update ids ({Error}); trying again later", e.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
