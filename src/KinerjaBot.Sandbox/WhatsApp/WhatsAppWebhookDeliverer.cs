using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace KinerjaBot.Sandbox.WhatsApp;

/// <summary>
/// Meta's side of the webhook: the subscription handshake, then every event POSTed in order with its
/// <c>X-Hub-Signature-256</c>. Only a 2xx answer takes an event off the queue; anything else (an error status, a
/// refused connection, a timeout) is retried with a growing pause, so delivery is at least once, as with
/// <see cref="WebhookDeliverer"/> for Telegram. Events wait while nobody is subscribed. Its lock is innermost.
/// </summary>
internal sealed class WhatsAppWebhookDeliverer(WhatsAppDoubleOptions options, TimeSpan retryDelay, ILogger logger) : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) }) { Timeout = RequestTimeout };
    private readonly Lock _gate = new();
    private readonly ChangeSignal _queued = new();
    private readonly ChangeSignal _attempted = new();
    private readonly Queue<(long Number, string Kind, string Body)> _pending = new();
    private readonly List<WhatsAppWebhookDelivery> _deliveries = [];
    private Uri? _url;
    private long _nextNumber;

    public Uri? Url
    {
        get
        {
            lock (_gate)
            {
                return _url;
            }
        }
    }

    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    public IReadOnlyList<WhatsAppWebhookDelivery> Deliveries
    {
        get
        {
            lock (_gate)
            {
                return [.. _deliveries];
            }
        }
    }

    public void Enqueue(string kind, JsonObject body)
    {
        var text = body.ToJsonString(Json);
        lock (_gate)
        {
            _pending.Enqueue((++_nextNumber, kind, text));
            _queued.Notify();
        }
    }

    /// <summary>The verification request Meta makes when a webhook URL is saved; throws unless the challenge comes back.</summary>
    public async Task SubscribeAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var challenge = Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture);
        var query = $"hub.mode=subscribe&hub.verify_token={Uri.EscapeDataString(options.VerifyToken)}&hub.challenge={challenge}";
        var verification = new UriBuilder(url) { Query = string.IsNullOrEmpty(url.Query) ? query : url.Query.TrimStart('?') + "&" + query }.Uri;
        using var response = await _http.GetAsync(verification, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if ((int)response.StatusCode != 200 || body != challenge)
        {
            throw new InvalidOperationException(
                $"The webhook at {url} failed verification: GET answered {(int)response.StatusCode} with body '{(body.Length > 200 ? body[..200] : body)}', expected 200 with the challenge '{challenge}'.");
        }

        lock (_gate)
        {
            _url = url;
            _queued.Notify();
        }
    }

    public async Task RunAsync(CancellationToken stopping)
    {
        var failures = 0;
        while (!stopping.IsCancellationRequested)
        {
            Uri? url;
            (long Number, string Kind, string Body) next = default;
            Task queued;
            lock (_gate)
            {
                url = _url;
                queued = _queued.NextChange;
                if (url is not null && _pending.Count > 0)
                {
                    next = _pending.Peek();
                }
            }

            if (url is null || next.Body is null)
            {
                try
                {
                    await queued.WaitAsync(stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            var attempt = await DeliverAsync(url, next, stopping);
            if (attempt is null)
            {
                return;
            }

            lock (_gate)
            {
                _deliveries.Add(attempt);
                if (attempt.Delivered)
                {
                    _pending.Dequeue();
                }

                _attempted.Notify();
            }

            if (attempt.Delivered)
            {
                failures = 0;
                continue;
            }

            failures++;
            logger.LogInformation("WhatsApp webhook delivery of event {Event} failed ({Error}); retrying", next.Number, attempt.Error);
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

    public Task<WhatsAppWebhookDelivery> WaitForAsync(Func<WhatsAppWebhookDelivery, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return SignalWait.UntilAsync(
            _gate,
            _attempted,
            () => _deliveries.ToList(),
            deliveries => deliveries.FirstOrDefault(predicate),
            deliveries => $"No WhatsApp webhook delivery matched within {timeout.TotalSeconds:0.###}s. Deliveries so far:\n"
                + string.Join('\n', deliveries.TakeLast(30).Select(d => $"event {d.EventNumber} {d.Kind} -> {d.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? d.Error}")),
            timeout,
            cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    private async Task<WhatsAppWebhookDelivery?> DeliverAsync(Uri url, (long Number, string Kind, string Body) next, CancellationToken stopping)
    {
        var bytes = Encoding.UTF8.GetBytes(next.Body);
        var signature = WhatsAppSignature.Sign(options.AppSecret, bytes);
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Add(WhatsAppSignature.Header, signature);
        try
        {
            using var response = await _http.SendAsync(request, stopping);
            var status = (int)response.StatusCode;
            return new WhatsAppWebhookDelivery(
                next.Number, next.Kind, next.Body, signature, status, status is >= 200 and < 300 ? null : $"HTTP {status} {response.ReasonPhrase}");
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new WhatsAppWebhookDelivery(next.Number, next.Kind, next.Body, signature, null, e is TaskCanceledException ? "Timed out" : e.Message);
        }
    }
}
