using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace KinerjaBot.Sandbox.WhatsApp;

/// <summary>
/// The Graph API's URL scheme under <c>/whatsapp</c> (which stands for <c>https://graph.facebook.com</c>): the Bearer
/// token check, the <c>{"error":{…}}</c> shape, the request log, and the messages and media endpoints.
/// </summary>
internal sealed partial class GraphEndpoints(
    WhatsAppDoubleOptions options, WhatsAppChats chats, WhatsAppMediaStore media, GraphRequestLog log, FaultInjector faults, ILogger logger)
{
    public const string Prefix = "/whatsapp";

    private const string BodyKey = "whatsapp.body";

    private readonly OutgoingMessageReader _reader = new(options, media);

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost(Prefix + "/{version}/{phoneNumberId}/messages", (HttpContext context, string version, string phoneNumberId) =>
            HandleAsync(context, version, "messages", () => SendMessageAsync(context, phoneNumberId)));
        routes.MapPost(Prefix + "/{version}/{phoneNumberId}/media", (HttpContext context, string version, string phoneNumberId) =>
            HandleAsync(context, version, "media", () => UploadAsync(context, phoneNumberId)));
        routes.MapGet(Prefix + "/media-download/{mediaId}", (HttpContext context, string mediaId) =>
            HandleAsync(context, version: null, "media-download", () => Task.FromResult(Download(context, mediaId))));
        routes.MapGet(Prefix + "/{version}/{mediaId}", (HttpContext context, string version, string mediaId) =>
            HandleAsync(context, version, "media-lookup", () => Task.FromResult(LookUp(context, mediaId))));
        routes.Map(Prefix + "/{**rest}", (HttpContext context) =>
            HandleAsync(context, version: null, "unknown", () => throw GraphException.UnknownPath(context.Request.Path.Value![Prefix.Length..])));
    }

    [GeneratedRegex(@"^v\d+\.\d+$")]
    private static partial Regex VersionPattern();

    private async Task HandleAsync(HttpContext context, string? version, string endpoint, Func<Task<GraphAnswer>> handle)
    {
        var sequence = log.NextSequence();
        GraphAnswer answer;
        try
        {
            if (version is not null && !VersionPattern().IsMatch(version))
            {
                throw GraphException.UnknownPath(context.Request.Path.Value![Prefix.Length..]);
            }

            if (context.Request.Headers.Authorization.ToString() != "Bearer " + options.AccessToken)
            {
                throw GraphException.InvalidToken();
            }

            var fault = faults.Take(endpoint);
            answer = fault?.Kind switch
            {
                BotApiFaultKind.TooManyRequests => throw new GraphException(
                    429, 130429, GraphException.OAuth, "(#130429) Rate limit hit", "Cloud API message throughput has been reached."),
                BotApiFaultKind.ServerError => new GraphAnswer(502, null) { Html = BotApiEndpoints.BadGatewayPage },
                BotApiFaultKind.DropConnection => new GraphAnswer(0, null) { Abort = true },
                BotApiFaultKind.DropResponse => await handle() with { Abort = true },
                _ => await handle(),
            };
        }
        catch (GraphException refusal)
        {
            answer = GraphAnswer.Refusal(refusal, context.Items[BodyKey] as string);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A bug in the double must be loud in tests, yet look like Graph's own hiccup to the bot.
            logger.LogError(exception, "WhatsApp double failed on {Path}", context.Request.Path);
            answer = GraphAnswer.Refusal(new GraphException(500, 1, "OAuthException", "An unknown error occurred", exception.Message), null);
        }

        log.Record(new WhatsAppGraphRequest(
            sequence,
            context.Request.Method,
            context.Request.Path.Value![Prefix.Length..],
            answer.Abort ? null : answer.Status,
            answer.Error?.Code,
            answer.Error is { } e ? e.Details ?? e.Message : null,
            answer.To,
            answer.MessageType,
            answer.LoggedBody ?? context.Items[BodyKey] as string ?? string.Empty));
        await answer.WriteAsync(context);
    }

    private async Task<GraphAnswer> SendMessageAsync(HttpContext context, string phoneNumberId)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        context.Items[BodyKey] = text;
        KnownPhoneNumber(phoneNumberId, "post");
        JsonObject body;
        try
        {
            body = JsonNode.Parse(text) as JsonObject ?? throw new JsonException();
        }
        catch (JsonException)
        {
            throw new GraphException(400, 100, GraphException.OAuth, "(#100) Invalid parameter", "The request body is not a JSON object.");
        }

        var (input, waId, loggedType, draft) = _reader.Read(body);
        WhatsAppChatMessage sent;
        try
        {
            sent = chats.AcceptFromBot(waId, draft);
        }
        catch (GraphException refusal)
        {
            return GraphAnswer.Refusal(refusal, text) with { To = waId, MessageType = loggedType };
        }

        var answer = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["contacts"] = new JsonArray(new JsonObject { ["input"] = input, ["wa_id"] = waId }),
            ["messages"] = new JsonArray(new JsonObject { ["id"] = sent.Id }),
        };
        return new GraphAnswer(200, answer) { To = waId, MessageType = loggedType };
    }

    private async Task<GraphAnswer> UploadAsync(HttpContext context, string phoneNumberId)
    {
        KnownPhoneNumber(phoneNumberId, "post");
        if (!context.Request.HasFormContentType)
        {
            throw GraphException.MissingParameter("file");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var file = form.Files["file"];
        var type = form["type"].ToString();
        context.Items[BodyKey] = $"messaging_product={form["messaging_product"]} type={type} file={file?.FileName} ({file?.Length ?? 0} bytes)";
        if (form["messaging_product"].ToString() != "whatsapp")
        {
            throw GraphException.MissingParameter("messaging_product");
        }

        if (file is null)
        {
            throw GraphException.MissingParameter("file");
        }

        using var bytes = new MemoryStream();
        await file.CopyToAsync(bytes, context.RequestAborted);
        var item = media.Upload(bytes.ToArray(), type, file.FileName);
        return new GraphAnswer(200, new JsonObject { ["id"] = item.Id });
    }

    private GraphAnswer LookUp(HttpContext context, string mediaId)
    {
        var item = media.Find(mediaId) ?? throw GraphException.UnknownObject(mediaId);
        var url = $"{context.Request.Scheme}://{context.Request.Host}{Prefix}/media-download/{item.Id}";
        return new GraphAnswer(200, new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["url"] = url,
            ["mime_type"] = item.MimeType,
            ["sha256"] = item.Sha256,
            ["file_size"] = item.Bytes.Length,
            ["id"] = item.Id,
        });
    }

    private GraphAnswer Download(HttpContext context, string mediaId)
    {
        var item = media.Find(mediaId) ?? throw GraphException.UnknownObject(mediaId);
        return new GraphAnswer(200, null) { File = item, LoggedBody = string.Empty };
    }

    private void KnownPhoneNumber(string phoneNumberId, string verb)
    {
        if (phoneNumberId != options.PhoneNumberId)
        {
            throw new GraphException(400, 100, "GraphMethodException",
                $"Unsupported {verb} request. Object with ID '{phoneNumberId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.");
        }
    }

    /// <summary>What to write back, kept until the request is in the log.</summary>
    private sealed record GraphAnswer(int Status, JsonObject? Body)
    {
        public GraphException? Error { get; init; }

        public WhatsAppMediaItem? File { get; init; }

        public string? To { get; init; }

        public string? MessageType { get; init; }

        public string? LoggedBody { get; init; }

        /// <summary>An injected fault: close the connection instead of answering.</summary>
        public bool Abort { get; init; }

        /// <summary>An injected fault: an HTML page instead of JSON, as a failing front end sends.</summary>
        public string? Html { get; init; }

        public static GraphAnswer Refusal(GraphException error, string? body)
        {
            var shape = new JsonObject
            {
                ["message"] = error.Message,
                ["type"] = error.Type,
                ["code"] = error.Code,
            };
            if (error.Details is { } details)
            {
                shape["error_data"] = new JsonObject { ["messaging_product"] = "whatsapp", ["details"] = details };
            }

            shape["fbtrace_id"] = "A" + Guid.NewGuid().ToString("N")[..22];
            return new GraphAnswer(error.Status, new JsonObject { ["error"] = shape }) { Error = error, LoggedBody = body };
        }

        public async Task WriteAsync(HttpContext context)
        {
            if (Abort)
            {
                context.Abort();
                return;
            }

            context.Response.StatusCode = Status;
            try
            {
                if (Html is { } html)
                {
                    context.Response.ContentType = "text/html";
                    await context.Response.WriteAsync(html, context.RequestAborted);
                    return;
                }

                if (File is { } file)
                {
                    context.Response.ContentType = file.MimeType;
                    context.Response.ContentLength = file.Bytes.Length;
                    await context.Response.Body.WriteAsync(file.Bytes, context.RequestAborted);
                    return;
                }

                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(Body!.ToJsonString(), context.RequestAborted);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested)
            {
                // The bot hung up before reading the answer.
            }
        }
    }
}
