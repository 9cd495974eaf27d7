using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Telegram.Bot;

namespace KinerjaBot.Sandbox;

/// <summary>
/// The HTTP face of the sandbox: Telegram's URL scheme, token check, the <c>{ok, result}</c> envelope, injected
/// faults and the request log. The Bot API methods themselves live in <see cref="BotApiMethods"/>.
/// </summary>
internal sealed class BotApiEndpoints
{
    // Telegram's front end is nginx; when the back end is down the bot gets this page, not JSON.
    internal const string BadGatewayPage =
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n"
        + "<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n";

    private readonly JsonSerializerOptions _json;
    private readonly SandboxState _state;
    private readonly string _token;
    private readonly CancellationToken _stopping;
    private readonly ILogger _logger;
    private readonly Dictionary<string, (string Name, Func<BotApiParameters, CancellationToken, Task<object>> Handle)> _methods;

    public BotApiEndpoints(SandboxState state, string token, ILogger logger, CancellationToken stopping)
    {
        _state = state;
        _token = token;
        _logger = logger;
        _stopping = stopping;
        // Telegram.Bot's own settings, with readable non-ASCII text (Indonesian names, the en dash) as Telegram sends it.
        _json = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        JsonBotAPI.Configure(_json);
        var methods = state.Methods;
        _methods = new(StringComparer.OrdinalIgnoreCase);
        Add("getMe", _ => methods.GetMe());
        Add("getUpdates", async (p, aborted) => await methods.GetUpdatesAsync(p, _stopping, aborted));
        Add("sendMessage", methods.SendMessage);
        Add("sendDocument", methods.SendDocument);
        Add("editMessageText", methods.EditMessageText);
        Add("editMessageReplyMarkup", methods.EditMessageReplyMarkup);
        Add("deleteMessage", p => methods.DeleteMessage(p));
        Add("sendChatAction", p => methods.SendChatAction(p));
        Add("answerCallbackQuery", p => methods.AnswerCallbackQuery(p));
        Add("getFile", methods.GetFile);
        Add("setMyCommands", p => methods.SetMyCommands(p));
        Add("getMyCommands", _ => methods.GetMyCommands());
        Add("deleteMyCommands", _ => true);
        Add("setWebhook", p => methods.SetWebhook(p));
        Add("deleteWebhook", p => methods.DeleteWebhook(p));
        Add("getWebhookInfo", _ => methods.GetWebhookInfo());
    }

    public void Map(IEndpointRouteBuilder routes)
    {
        string[] verbs = ["GET", "POST"];
        routes.MapMethods("/bot{token}/{method}", verbs, (HttpContext context, string token, string method) => HandleAsync(context, token, method));
        routes.MapMethods("/file/bot{token}/{**filePath}", verbs, (HttpContext context, string token, string filePath) => DownloadAsync(context, token, filePath));
        routes.MapFallback((HttpContext context) => WriteErrorAsync(context, new BotApiException(404, "Not Found")));
    }

    private void Add(string name, Func<BotApiParameters, object> handle) =>
        _methods[name] = (name, (parameters, _) => Task.FromResult(handle(parameters)));

    private void Add(string name, Func<BotApiParameters, CancellationToken, Task<object>> handle) =>
        _methods[name] = (name, handle);

    private async Task HandleAsync(HttpContext context, string token, string method)
    {
        var sequence = _state.Requests.NextSequence();
        var receivedAt = _state.Requests.Elapsed;
        var parameters = BotApiParameters.Empty;
        var loggedMethod = method;
        BotApiFault? fault = null;
        int? status = null;
        string? error = null;

        // The answer is written only after the request is in the journal: a test that saw the bot react to an
        // answer (a message appeared, a retry came) must find that request in RequestLog, never a moment later.
        Func<Task> answer = () => Task.CompletedTask;
        try
        {
            if (!string.Equals(token, _token, StringComparison.Ordinal))
            {
                throw new BotApiException(401, "Unauthorized");
            }

            if (!_methods.TryGetValue(method, out var handler))
            {
                throw new BotApiException(404, "Not Found");
            }

            loggedMethod = handler.Name;
            if (BrowserRequestPolicy.Refusal(context.Request, handler.Name) is { } refusal)
            {
                throw new BotApiException(403, refusal);
            }

            parameters = await BotApiParameters.ReadAsync(context.Request, context.RequestAborted);
            fault = _state.Faults.Take(handler.Name);
            switch (fault?.Kind)
            {
                case BotApiFaultKind.TooManyRequests:
                    throw new BotApiException(
                        429, $"Too Many Requests: retry after {fault.RetryAfterSeconds}", fault.RetryAfterSeconds);
                case BotApiFaultKind.ServerError:
                    status = StatusCodes.Status502BadGateway;
                    answer = async () =>
                    {
                        context.Response.StatusCode = StatusCodes.Status502BadGateway;
                        context.Response.ContentType = "text/html";
                        await context.Response.WriteAsync(BadGatewayPage, context.RequestAborted);
                    };
                    return;
                case BotApiFaultKind.DropConnection:
                    answer = () =>
                    {
                        context.Abort();
                        return Task.CompletedTask;
                    };
                    return;
            }

            if (_state.Limits?.Admit(handler.Name, parameters.LoggedChatId()) is { } retryAfter)
            {
                throw new BotApiException(429, $"Too Many Requests: retry after {retryAfter}", retryAfter);
            }

            var result = await handler.Handle(parameters, context.RequestAborted);
            if (fault?.Kind == BotApiFaultKind.DropResponse)
            {
                answer = () =>
                {
                    context.Abort();
                    return Task.CompletedTask;
                };
                return;
            }

            status = StatusCodes.Status200OK;
            var body = new JsonObject { ["ok"] = true, ["result"] = JsonSerializer.SerializeToNode(result, result.GetType(), _json) };
            answer = () => WriteJsonAsync(context, StatusCodes.Status200OK, body);
        }
        catch (BotApiException exception)
        {
            status = exception.ErrorCode;
            error = exception.Description;
            answer = () => WriteErrorAsync(context, exception);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested || _stopping.IsCancellationRequested)
        {
            // The bot went away (or the server is stopping) in the middle of a long poll: nobody to answer.
            status = null;
        }
        catch (Exception exception)
        {
            // A bug in the sandbox must be loud in tests, yet look like Telegram's own hiccup to the bot.
            _logger.LogError(exception, "Sandbox Bot API failed on {Method}", loggedMethod);
            status = StatusCodes.Status500InternalServerError;
            error = "Internal Server Error: " + exception.Message;
            answer = () => WriteErrorAsync(context, new BotApiException(500, error));
        }
        finally
        {
            _state.Requests.Record(new RecordedBotRequest
            {
                Sequence = sequence,
                Method = loggedMethod,
                ReceivedAt = receivedAt,
                CompletedAt = _state.Requests.Elapsed,
                ChatId = parameters.LoggedChatId(),
                Parameters = parameters.ToLogDictionary(),
                StatusCode = status,
                ErrorDescription = error,
                Fault = fault?.Kind,
            });
            try
            {
                await answer();
            }
            catch (Exception e) when (e is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested)
            {
                // The bot hung up before reading the answer; Telegram would not notice either.
            }
        }
    }

    private async Task DownloadAsync(HttpContext context, string token, string filePath)
    {
        if (!string.Equals(token, _token, StringComparison.Ordinal))
        {
            await WriteErrorAsync(context, new BotApiException(401, "Unauthorized"));
            return;
        }

        if (BrowserRequestPolicy.Refusal(context.Request, method: null) is { } refusal)
        {
            await WriteErrorAsync(context, new BotApiException(403, refusal));
            return;
        }

        if (_state.Files.FindByPath(filePath) is not { } file)
        {
            await WriteErrorAsync(context, new BotApiException(404, "Not Found"));
            return;
        }

        context.Response.ContentType = file.Info.MimeType ?? "application/octet-stream";
        context.Response.ContentLength = file.Bytes.Length;
        await context.Response.Body.WriteAsync(file.Bytes, context.RequestAborted);
    }

    private Task WriteErrorAsync(HttpContext context, BotApiException error)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = error.ErrorCode, ["description"] = error.Description };
        if (error.RetryAfter is { } retryAfter)
        {
            body["parameters"] = new JsonObject { ["retry_after"] = retryAfter };
        }

        return WriteJsonAsync(context, error.ErrorCode, body);
    }

    private Task WriteJsonAsync(HttpContext context, int status, JsonObject body)
    {
        if (context.Response.HasStarted)
        {
            return Task.CompletedTask;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(_json), context.RequestAborted);
    }
}
