using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KinerjaBot.Tests.Sandbox;

/// <summary>
/// The bot's webhook in its plainest form: a Kestrel app on 127.0.0.1 that records every request with its raw body,
/// echoes the verification challenge (or not), and answers POSTs with the statuses a test queues (then 200).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<ReceivedRequest> _received = [];
    private readonly Queue<int> _answers = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WebhookReceiver(WebApplication app, string url)
    {
        _app = app;
        Url = new Uri(url);
    }

    public Uri Url { get; }

    /// <summary>The challenge the GET echoes; null echoes the one Meta sent.</summary>
    public string? ChallengeAnswer { get; set; }

    public IReadOnlyList<ReceivedRequest> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            await receiver!.AnswerAsync(context, body.ToArray());
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        receiver = new WebhookReceiver(app, address.TrimEnd('/') + "/webhook/whatsapp");
        return receiver;
    }

    /// <summary>The next POSTs are answered with these statuses, in order.</summary>
    public void AnswerNextPostsWith(params int[] statuses)
    {
        lock (_gate)
        {
            foreach (var status in statuses)
            {
                _answers.Enqueue(status);
            }
        }
    }

    /// <summary>Waits for the first POST that was answered 200 and whose body contains <paramref name="bodyPart"/>.</summary>
    public async Task<ReceivedRequest> WaitForPostAsync(string bodyPart, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            Task next;
            lock (_gate)
            {
                if (_received.FirstOrDefault(r => r.Method == "POST" && r.AnsweredStatus == 200 && r.Text.Contains(bodyPart, StringComparison.Ordinal)) is { } found)
                {
                    return found;
                }

                next = _next.Task;
            }

            try
            {
                await next.WaitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No webhook POST containing '{bodyPart}' within {timeout}. Received:\n"
                    + string.Join('\n', Received.Select(r => $"{r.Method} {r.AnsweredStatus} {r.Text}")));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context, byte[] body)
    {
        var request = context.Request;
        int status;
        string answer = string.Empty;
        lock (_gate)
        {
            if (request.Method == "GET")
            {
                status = 200;
                answer = ChallengeAnswer ?? request.Query["hub.challenge"].ToString();
            }
            else
            {
                status = _answers.TryDequeue(out var queued) ? queued : 200;
            }

            _received.Add(new ReceivedRequest(
                request.Method,
                request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
                request.Headers["X-Hub-Signature-256"].ToString(),
                request.ContentType,
                body,
                status));
            var current = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            current.SetResult();
        }

        context.Response.StatusCode = status;
        await context.Response.WriteAsync(answer);
    }
}
