using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using KinerjaBot.Telegram.Requests;
using KinerjaBot.Telegram.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KinerjaBot.Telegram;

/// <summary>
/// A small typed Telegram Bot API client. Every method goes through one funnel, <c>SendAsync</c>, which builds
/// <c>{ApiBaseUrl}/bot{token}/{method}</c>, applies the per-request timeout, and turns the
/// <c>{ok, result, error_code, description, parameters}</c> envelope into a result or a typed exception.
/// </summary>
/// <remarks>
/// Typed-client friendly: take the <see cref="HttpClient"/> from IHttpClientFactory and set its
/// <see cref="HttpClient.Timeout"/> to <see cref="Timeout.InfiniteTimeSpan"/> — timeouts are enforced here, per
/// request, because a long poll legitimately lasts longer than an ordinary call. The token is part of every URL,
/// so disable HttpClient request logging for this client (IHttpClientBuilder.RemoveAllLoggers) in the host.
/// </remarks>
public sealed class TelegramBotClient : ITelegramBotClient
{
    private readonly HttpClient _http;
    private readonly TelegramClientOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly string _apiBaseUrl;

    /// <summary>Creates the client.</summary>
    /// <param name="httpClient">Used for every request; not disposed by this client.</param>
    /// <param name="options">Token, server and timeouts.</param>
    /// <param name="timeProvider">Clock for request timeouts (tests move it); the system clock when omitted.</param>
    /// <param name="logger">Debug-level request tracing without the token.</param>
    public TelegramBotClient(
        HttpClient httpClient,
        TelegramClientOptions options,
        TimeProvider? timeProvider = null,
        ILogger<TelegramBotClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            throw new ArgumentException("TelegramClientOptions.BotToken is required.", nameof(options));
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out _))
        {
            throw new ArgumentException("TelegramClientOptions.ApiBaseUrl must be an absolute URL.", nameof(options));
        }

        _http = httpClient;
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _apiBaseUrl = options.ApiBaseUrl.TrimEnd('/');
    }

    private static TelegramJsonContext Json => TelegramJsonContext.Default;

    /// <inheritdoc />
    public Task<User> GetMeAsync(CancellationToken cancellationToken = default) =>
        SendJsonAsync("getMe", new EmptyRequest(), Json.EmptyRequest, Json.User, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Update>> GetUpdatesAsync(
        long? offset = null,
        int? limit = null,
        int? timeout = null,
        IEnumerable<string>? allowedUpdates = null,
        CancellationToken cancellationToken = default)
    {
        var request = new GetUpdatesRequest(offset, limit, timeout, allowedUpdates?.ToList());

        // Telegram holds the request open for up to `timeout` seconds when there is nothing to deliver.
        var requestTimeout = timeout is > 0
            ? TimeSpan.FromSeconds(timeout.Value) + _options.LongPollMargin
            : _options.RequestTimeout;
        return SendAsync(
            "getUpdates",
            () => JsonContent(request, Json.GetUpdatesRequest),
            Json.IReadOnlyListUpdate,
            requestTimeout,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<Message> SendMessageAsync(
        long chatId,
        string text,
        ParseMode? parseMode = null,
        ReplyMarkup? replyMarkup = null,
        CancellationToken cancellationToken = default) =>
        SendJsonAsync(
            "sendMessage",
            new SendMessageRequest(chatId, text, parseMode, replyMarkup),
            Json.SendMessageRequest,
            Json.Message,
            cancellationToken);

    /// <inheritdoc />
    public Task<Message> EditMessageTextAsync(
        long chatId,
        long messageId,
        string text,
        ParseMode? parseMode = null,
        InlineKeyboardMarkup? replyMarkup = null,
        CancellationToken cancellationToken = default) =>
        SendJsonAsync(
            "editMessageText",
            new EditMessageTextRequest(chatId, messageId, text, parseMode, replyMarkup),
            Json.EditMessageTextRequest,
            Json.Message,
            cancellationToken);

    /// <inheritdoc />
    public Task<Message> EditMessageReplyMarkupAsync(
        long chatId,
        long messageId,
        InlineKeyboardMarkup? replyMarkup,
        CancellationToken cancellationToken = default) =>
        SendJsonAsync(
            "editMessageReplyMarkup",
            new EditMessageReplyMarkupRequest(chatId, messageId, replyMarkup),
            Json.EditMessageReplyMarkupRequest,
            Json.Message,
            cancellationToken);

    /// <inheritdoc />
    public Task AnswerCallbackQueryAsync(
        string callbackQueryId,
        string? text = null,
        bool? showAlert = null,
        CancellationToken cancellationToken = default) =>
        SendJsonAsync(
            "answerCallbackQuery",
            new AnswerCallbackQueryRequest(callbackQueryId, text, showAlert),
            Json.AnswerCallbackQueryRequest,
            Json.Boolean,
            cancellationToken);

    /// <inheritdoc />
    public Task<Message> SendDocumentAsync(
        long chatId,
        Stream content,
        string fileName,
        string? caption = null,
        ParseMode? parseMode = null,
        ReplyMarkup? replyMarkup = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);

        HttpContent BuildContent()
        {
            // Multipart fields are plain strings; reply_markup travels as a JSON-serialized string, as the API says.
            var form = new MultipartFormDataContent
            {
                { new StringContent(chatId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "chat_id" },
            };
            var file = new StreamContent(new LeaveOpenStream(content));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "document", fileName);
            if (caption is not null)
            {
                form.Add(new StringContent(caption), "caption");
            }

            if (parseMode is { } mode)
            {
                form.Add(new StringContent(ParseModeName(mode)), "parse_mode");
            }

            if (replyMarkup is not null)
            {
                form.Add(new StringContent(ReplyMarkupJsonConverter.ToJson(replyMarkup, Json.Options)), "reply_markup");
            }

            return form;
        }

        return SendAsync("sendDocument", BuildContent, Json.Message, _options.RequestTimeout, cancellationToken);
    }

    /// <inheritdoc />
    public Task<TelegramFile> GetFileAsync(string fileId, CancellationToken cancellationToken = default) =>
        SendJsonAsync("getFile", new GetFileRequest(fileId), Json.GetFileRequest, Json.TelegramFile, cancellationToken);

    /// <inheritdoc />
    public async Task DownloadFileAsync(string filePath, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        ArgumentNullException.ThrowIfNull(destination);
        const string method = "downloadFile";
        var uri = $"{_apiBaseUrl}/file/bot{_options.BotToken}/{filePath.TrimStart('/')}";

        await ExecuteAsync(method, _options.RequestTimeout, cancellationToken, async token =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token)
                .ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                // Failed downloads answer with the usual envelope (e.g. 404 {"ok":false,...}); read it for the reason.
                await ReadEnvelopeAsync(method, response, Json.Boolean, token).ConfigureAwait(false);
                throw new TelegramApiException(method, (int)response.StatusCode, response.ReasonPhrase ?? "download failed");
            }

            await response.Content.CopyToAsync(destination, token).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task SetMyCommandsAsync(
        IEnumerable<BotCommand> commands,
        string? languageCode = null,
        CancellationToken cancellationToken = default) =>
        SendJsonAsync(
            "setMyCommands",
            new SetMyCommandsRequest(commands.ToList(), languageCode),
            Json.SetMyCommandsRequest,
            Json.Boolean,
            cancellationToken);

    /// <inheritdoc />
    public Task DeleteWebhookAsync(bool? dropPendingUpdates = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync(
            "deleteWebhook",
            new DeleteWebhookRequest(dropPendingUpdates),
            Json.DeleteWebhookRequest,
            Json.Boolean,
            cancellationToken);

    internal static string ParseModeName(ParseMode mode) => mode switch
    {
        ParseMode.Html => "HTML",
        ParseMode.MarkdownV2 => "MarkdownV2",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    private Task<TResult> SendJsonAsync<TRequest, TResult>(
        string method,
        TRequest request,
        JsonTypeInfo<TRequest> requestInfo,
        JsonTypeInfo<TResult> resultInfo,
        CancellationToken cancellationToken) =>
        SendAsync(method, () => JsonContent(request, requestInfo), resultInfo, _options.RequestTimeout, cancellationToken);

    private static ByteArrayContent JsonContent<T>(T request, JsonTypeInfo<T> info)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(request, info));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>The single funnel every Bot API method goes through.</summary>
    private Task<TResult> SendAsync<TResult>(
        string method,
        Func<HttpContent> buildContent,
        JsonTypeInfo<TResult> resultInfo,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var uri = $"{_apiBaseUrl}/bot{_options.BotToken}/{method}";
        return ExecuteAsync(method, timeout, cancellationToken, async token =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = buildContent() };
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token)
                .ConfigureAwait(false);
            return await ReadEnvelopeAsync(method, response, resultInfo, token).ConfigureAwait(false);
        });
    }

    /// <summary>
    /// Runs one HTTP exchange under its own timeout and maps every transport-level failure to
    /// <see cref="TelegramTransportException"/>, so callers only ever see the two Telegram exception kinds
    /// (or <see cref="OperationCanceledException"/> when they cancelled themselves).
    /// </summary>
    private async Task<TResult> ExecuteAsync<TResult>(
        string method,
        TimeSpan timeout,
        CancellationToken cancellationToken,
        Func<CancellationToken, Task<TResult>> exchange)
    {
        // A timer on the injected clock rather than HttpClient.Timeout: per request (long polls need longer),
        // and tests can make it fire without waiting.
        using var timeoutSource = new CancellationTokenSource(timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            var result = await exchange(linked.Token).ConfigureAwait(false);
            _logger.LogDebug("Telegram {Method} succeeded", method);
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException ex)
        {
            // Our timer, or HttpClient.Timeout if the host left it shorter than ours: either way a timeout.
            _logger.LogDebug("Telegram {Method} timed out", method);
            throw new TelegramTransportException(
                method,
                $"no answer within {timeout.TotalSeconds:0.#} s",
                new TimeoutException($"The request exceeded {timeout}.", ex));
        }
        catch (HttpRequestException ex)
        {
            _logger.LogDebug("Telegram {Method} connection failed: {Error}", method, ex.HttpRequestError);
            throw new TelegramTransportException(method, $"connection failed ({ex.HttpRequestError})", ex, ex.StatusCode);
        }
        catch (IOException ex)
        {
            // A connection reset while reading the body surfaces as IOException rather than HttpRequestException.
            throw new TelegramTransportException(method, "connection dropped while reading the answer", ex);
        }
    }

    private static async Task<TResult> ReadEnvelopeAsync<TResult>(
        string method,
        HttpResponseMessage response,
        JsonTypeInfo<TResult> resultInfo,
        CancellationToken cancellationToken)
    {
        ApiResponse? envelope;
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                envelope = await JsonSerializer.DeserializeAsync(stream, Json.ApiResponse, cancellationToken)
                    .ConfigureAwait(false);
            }
        }
        catch (JsonException ex)
        {
            // Typically a proxy or load balancer error page (502/504 HTML): Telegram itself always answers JSON.
            throw new TelegramTransportException(
                method,
                $"HTTP {(int)response.StatusCode} with a body that is not the Bot API envelope",
                ex,
                response.StatusCode);
        }

        if (envelope is null)
        {
            throw new TelegramTransportException(method, $"HTTP {(int)response.StatusCode} with an empty envelope", null, response.StatusCode);
        }

        if (!envelope.Ok)
        {
            throw new TelegramApiException(
                method,
                envelope.ErrorCode ?? (int)response.StatusCode,
                envelope.Description ?? "no description",
                envelope.Parameters);
        }

        if (envelope.Result is not { } result)
        {
            throw new TelegramTransportException(method, "ok without a result", null, response.StatusCode);
        }

        try
        {
            return result.Deserialize(resultInfo)
                ?? throw new TelegramTransportException(method, "null result", null, response.StatusCode);
        }
        catch (JsonException ex)
        {
            throw new TelegramTransportException(method, "result does not match the expected type", ex, response.StatusCode);
        }
    }
}
