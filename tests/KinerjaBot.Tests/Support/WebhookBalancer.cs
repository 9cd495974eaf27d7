using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KinerjaBot.Tests.Support;

/// <summary>
/// A round-robin load balancer in front of several bot instances, as a province's reverse proxy would be: each
/// webhook POST goes to the next instance; one that does not answer (stopped, crashed) is skipped for the next.
/// </summary>
public sealed class WebhookBalancer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(5) }) { Timeout = TimeSpan.FromSeconds(30) };
    private readonly IReadOnlyList<Uri> _targets;
    private int _next = -1;

    private WebhookBalancer(WebApplication app, IReadOnlyList<Uri> targets)
    {
        _app = app;
        _targets = targets;
    }

    /// <summary>How many requests each target answered, by index.</summary>
    public int[] Answered { get; private set; } = [];

    /// <summary>Listens on <paramref name="port"/> and forwards every POST, path and headers kept, to one of <paramref name="targets"/>.</summary>
    public static async Task<WebhookBalancer> StartAsync(int port, IReadOnlyList<Uri> targets)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var balancer = new WebhookBalancer(app, targets) { Answered = new int[targets.Count] };
        app.MapPost("/{**path}", (HttpContext context) => balancer.ForwardAsync(context));
        await app.StartAsync();
        return balancer;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var first = Interlocked.Increment(ref _next);
        for (var i = 0; i < _targets.Count; i++)
        {
            var index = (int)((uint)(first + i) % (uint)_targets.Count);
            using var forward = new HttpRequestMessage(HttpMethod.Post, new Uri(_targets[index], context.Request.Path + context.Request.QueryString))
            {
                Content = new ByteArrayContent(body.ToArray()),
            };
            forward.Content.Headers.TryAddWithoutValidation("Content-Type", context.Request.ContentType);
            foreach (var header in context.Request.Headers.Where(h => h.Key.StartsWith("X-", StringComparison.OrdinalIgnoreCase)))
            {
                forward.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }

            try
            {
                using var answer = await _http.SendAsync(forward, context.RequestAborted);
                Interlocked.Increment(ref Answered[index]);
                context.Response.StatusCode = (int)answer.StatusCode;
                return;
            }
            catch (HttpRequestException)
            {
                // That instance is down: try the next one, as a proxy's health check would.
            }
        }

        context.Response.StatusCode = StatusCodes.Status502BadGateway;
    }
}
