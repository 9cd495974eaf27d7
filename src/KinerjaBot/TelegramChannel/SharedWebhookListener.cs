using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using KinerjaBot.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KinerjaBot.TelegramChannel;

/// <summary>
/// One Kestrel listener for the webhooks of several offices' bots in one process: each office's
/// <see cref="WebhookReceiver"/> attaches its own path (the path of its <c>Telegram:WebhookUrl</c>), so a reverse
/// proxy forwards one port for all of them. <c>/healthz/&lt;office-id&gt;</c> is one office's health,
/// <c>/healthz</c> every office's (200 only when all are healthy).
/// </summary>
public sealed class SharedWebhookListener(IPEndPoint endPoint) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, SharedWebhookRoute> _routes = new(StringComparer.Ordinal);
    private WebApplication? _app;

    /// <summary>Where it listens once started (the port is known only then when 0 was asked for).</summary>
    public Uri? ListeningOn { get; private set; }

    /// <summary>The route an office's receiver attaches to; its path must be unique on this listener.</summary>
    public SharedWebhookRoute Route(string officeId, string path)
    {
        var route = new SharedWebhookRoute(officeId, path);
        if (!_routes.TryAdd(path, route))
        {
            throw new InvalidOperationException($"Two offices use the webhook path {path} on {endPoint}.");
        }

        return route;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _app = WebhookListener.Create(endPoint);
        _app.MapGet("/healthz", WriteEveryOfficeHealthAsync);
        _app.MapGet("/healthz/{office}", (HttpContext context, string office) =>
            _routes.Values.FirstOrDefault(r => r.OfficeId == office) is { } route ? route.WriteHealthAsync(context) : NotFound(context));
        _app.MapPost("/{**path}", (HttpContext context) =>
            _routes.TryGetValue(context.Request.Path.Value ?? "", out var route) ? route.ReceiveAsync(context) : NotFound(context));
        await _app.StartAsync(cancellationToken);
        ListeningOn = WebhookListener.BoundAddress(_app);
    }

    /// <summary>Stops taking requests; those in flight finish (and commit) first.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private async Task WriteEveryOfficeHealthAsync(HttpContext context)
    {
        var reports = new List<(string Office, int Status, JsonElement? Body)>();
        foreach (var route in _routes.Values.OrderBy(r => r.OfficeId, StringComparer.Ordinal))
        {
            var probe = new DefaultHttpContext();
            using var body = new MemoryStream();
            probe.Response.Body = body;
            await route.WriteHealthAsync(probe);
            JsonElement? report = body.Length == 0 ? null : JsonDocument.Parse(body.ToArray()).RootElement.Clone();
            reports.Add((route.OfficeId, probe.Response.StatusCode, report));
        }

        var healthy = reports.Count > 0 && reports.All(r => r.Status == StatusCodes.Status200OK);
        context.Response.StatusCode = healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", healthy ? "ok" : "unhealthy");
        json.WriteStartObject("offices");
        foreach (var (office, status, report) in reports)
        {
            json.WritePropertyName(office);
            if (report is { } value)
            {
                value.WriteTo(json);
            }
            else
            {
                json.WriteStringValue(status == StatusCodes.Status200OK ? "ok" : "not started");
            }
        }

        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}
