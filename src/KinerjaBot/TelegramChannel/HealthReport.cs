using System.Text.Json;
using KinerjaBot.Storage;
using Microsoft.AspNetCore.Http;
using Telegram.Bot;

namespace KinerjaBot.TelegramChannel;

/// <summary>
/// <c>/healthz</c> for a load balancer: 200 when the database answers and Telegram is reachable, 503 otherwise,
/// with the outgoing backlog so an operator sees a queue that does not drain.
/// </summary>
public sealed class HealthReport(KinerjaStore store, ITelegramBotClient client, TimeProvider timeProvider)
{
    // A load balancer probes every few seconds; asking Telegram each time would spend its rate on probes.
    private static readonly TimeSpan TelegramCheckReused = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan TelegramCheckTimeout = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _telegramCheck = new(1, 1);
    private (DateTimeOffset At, string? Problem)? _lastTelegramCheck;

    public async Task WriteAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        string? databaseProblem = null;
        OutboxBacklog? backlog = null;
        try
        {
            await using var read = await store.ReadAsync(cancellationToken);
            backlog = await read.Outbox.BacklogAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            databaseProblem = e.Message;
        }

        var telegramProblem = await TelegramProblemAsync(cancellationToken);
        var healthy = databaseProblem is null && telegramProblem is null;
        context.Response.StatusCode = healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", healthy ? "ok" : "unhealthy");
        json.WriteString("database", databaseProblem ?? "ok");
        json.WriteString("telegram", telegramProblem ?? "ok");
        if (backlog is not null)
        {
            json.WriteStartObject("outbox");
            json.WriteNumber("pending", backlog.Pending);
            if (backlog.OldestQueuedAt is { } oldest)
            {
                json.WriteNumber("oldestWaitingSeconds", Math.Round((timeProvider.GetUtcNow() - oldest).TotalSeconds, 1));
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    private async Task<string?> TelegramProblemAsync(CancellationToken cancellationToken)
    {
        await _telegramCheck.WaitAsync(cancellationToken);
        try
        {
            var now = timeProvider.GetUtcNow();
            if (_lastTelegramCheck is { } last && now - last.At < TelegramCheckReused)
            {
                return last.Problem;
            }

            string? problem = null;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TelegramCheckTimeout);
                await client.GetMe(timeout.Token);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                problem = e is OperationCanceledException ? $"no answer within {TelegramCheckTimeout.TotalSeconds:0} s" : e.Message;
            }

            _lastTelegramCheck = (now, problem);
            return problem;
        }
        finally
        {
            _telegramCheck.Release();
        }
    }
}
