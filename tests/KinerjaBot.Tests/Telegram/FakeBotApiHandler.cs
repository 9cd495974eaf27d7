using System.Net;
using System.Text;

namespace KinerjaBot.Tests.Telegram;

/// <summary>
/// Stands in for the Bot API at the HTTP edge: records every request (with the fake-clock time it arrived) and
/// answers from a queue of scripted responses, falling back to a default answer.
/// </summary>
public sealed class FakeBotApiHandler(TimeProvider? clock = null) : HttpMessageHandler
{
    private readonly Lock _gate = new();
    private readonly Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _script = new();
    private readonly List<RecordedRequest> _requests = [];

    /// <summary>Answer used when the script is empty.</summary>
    public Func<RecordedRequest, HttpResponseMessage> Default { get; set; } = _ => Ok(SampleMessageJson(1));

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToList();
            }
        }
    }

    /// <summary>The cancellation token of the latest request, to see when the client gives up on it.</summary>
    public CancellationToken LastToken { get; private set; }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _requests.Count;
            }
        }
    }

    public FakeBotApiHandler Then(HttpResponseMessage response) =>
        Then((_, _) => Task.FromResult(response));

    public FakeBotApiHandler Then(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> responder)
    {
        lock (_gate)
        {
            _script.Enqueue(responder);
        }

        return this;
    }

    /// <summary>A request that never gets an answer until it is cancelled.</summary>
    public FakeBotApiHandler ThenHang() =>
        Then(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var recorded = new RecordedRequest(
            request.Method,
            request.RequestUri!,
            request.Content?.Headers.ContentType?.ToString(),
            body,
            clock?.GetUtcNow() ?? DateTimeOffset.MinValue);
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>? responder;
        lock (_gate)
        {
            LastToken = cancellationToken;
            _requests.Add(recorded);
            _script.TryDequeue(out responder);
        }

        return responder is null ? Default(recorded) : await responder(request, cancellationToken);
    }

    public static HttpResponseMessage Ok(string resultJson) =>
        Json(HttpStatusCode.OK, $$$"""{"ok":true,"result":{{{resultJson}}}}""");

    public static HttpResponseMessage Error(HttpStatusCode status, string description, string? parametersJson = null) =>
        Json(status, parametersJson is null
            ? $$"""{"ok":false,"error_code":{{(int)status}},"description":"{{description}}"}"""
            : $$$"""{"ok":false,"error_code":{{{(int)status}}},"description":"{{{description}}}","parameters":{{{parametersJson}}}}""");

    public static HttpResponseMessage TooManyRequests(int retryAfter) =>
        Error(HttpStatusCode.TooManyRequests, $"Too Many Requests: retry after {retryAfter}", $$$"""{"retry_after":{{{retryAfter}}}}""");

    public static HttpResponseMessage Blocked() =>
        Error(HttpStatusCode.Forbidden, "Forbidden: bot was blocked by the user");

    public static HttpResponseMessage BadGatewayHtml() =>
        new(HttpStatusCode.BadGateway)
        {
            Content = new StringContent("<html><body><h1>502 Bad Gateway</h1></body></html>", Encoding.UTF8, "text/html"),
        };

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static string SampleMessageJson(long messageId, long chatId = 42) =>
        $$$"""{"message_id":{{{messageId}}},"date":1767225600,"chat":{"id":{{{chatId}}},"type":"private","first_name":"Budi"},"from":{"id":777,"is_bot":true,"first_name":"KinerjaBot"}}""";
}
