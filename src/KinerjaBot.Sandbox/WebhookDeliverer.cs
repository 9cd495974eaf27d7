using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;

namespace KinerjaBot.Sandbox;

/// <summary>
/// Pushes pending updates to the webhook setWebhook registered, as Telegram does: a POST with the update as JSON and
/// the secret in <c>X-Telegram-Bot-Api-Secret-Token</c>; only a 2xx answer takes the update off the queue, anything
/// else (an error status, a refused connection, a timeout) is retried, so delivery is at least once.
/// </summary>
internal sealed class WebhookDeliverer(UpdateQueue updates, JsonSerializerOptions json, TimeSpan retryDelay, int connections, ILogger logger) : IDisposable
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    // Telegram gives a webhook about a minute; the sandbox's bot answers at once or not at all.
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) }) { Timeout = RequestTimeout };
    private readonly Lock _gate = new();
    private readonly ChangeSignal _delivered = new();
    private readonly List<WebhookDelivery> _deliveries = [];

    public IReadOnlyList<WebhookDelivery> Deliveries
    {
        get
        {
            lock (_gate)
            {
                return [.. _deliveries];
            }
        }
    }

    /// <summary>The last failed attempt, as getWebhookInfo reports it.</summary>
    public WebhookDelivery? LastError
    {
        get
        {
            lock (_gate)
            {
                return _deliveries.LastOrDefault(d => !d.Delivered);
            }
        }
    }

    /// <summary>Pushes updates over <c>connections</c> connections at once until <paramref name="stopping"/> fires.</summary>
    public Task RunAsync(CancellationToken stopping) =>
        Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(() => RunConnectionAsync(stopping), CancellationToken.None)));

    private async Task RunConnectionAsync(CancellationToken stopping)
    {
        var failures = 0;
        while (!stopping.IsCancellationRequested)
        {
            WebhookSubscription webhook;
            Update update;
            try
            {
                (webhook, update) = await updates.NextForWebhookAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }

            var attempt = await DeliverAsync(webhook, update, stopping);
            if (attempt is null)
            {
                return;
            }

            lock (_gate)
            {
                _deliveries.Add(attempt);
                _delivered.Notify();
            }

            if (attempt.Delivered)
            {
                failures = 0;
                updates.ConfirmWebhookDelivery(update.Id);
                continue;
            }

            failures++;
            updates.ReleaseWebhookDelivery(update.Id);
            logger.LogInformation("Webhook delivery of update {UpdateId} failed ({Error}); retrying", update.Id, attempt.Error);
            try
            {
                await Task.Delay(retryDelay * Math.Min(failures, 10), stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Waits for a delivery attempt that matches, for tests.</summary>
    public Task<WebhookDelivery> WaitForAsync(Func<WebhookDelivery, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken) =>
        SignalWait.UntilAsync(
            _gate,
            _delivered,
            () => _deliveries.ToList(),
            deliveries => deliveries.FirstOrDefault(predicate),
            deliveries => $"No webhook delivery matched within {timeout.TotalSeconds:0.###}s. Deliveries so far:\n"
                + string.Join('\n', deliveries.TakeLast(30).Select(d => $"update {d.UpdateId} -> {d.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? d.Error}")),
            timeout,
            cancellationToken);

    public void Dispose() => _http.Dispose();

    /// <returns>The attempt, or null when the sandbox is stopping.</returns>
    private async Task<WebhookDelivery?> DeliverAsync(WebhookSubscription webhook, Update update, CancellationToken stopping)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url)
        {
            Content = new StringContent(JsonSerializer.Serialize(update, json), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (webhook.SecretToken is { } secret)
        {
            request.Headers.Add(SecretHeader, secret);
        }

        try
        {
            using var response = await _http.SendAsync(request, stopping);
            var status = (int)response.StatusCode;
            return new WebhookDelivery(update.Id, status, status is >= 200 and < 300 ? null : $"Wrong response from the webhook: {status} {response.ReasonPhrase}");
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new WebhookDelivery(update.Id, null, e is TaskCanceledException ? "Read timeout expired" : e.Message);
        }
    }
}
