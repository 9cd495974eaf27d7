using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using KinerjaBot.Sandbox.WhatsApp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace KinerjaBot.Sandbox;

/// <summary>
/// The chat web page on the sandbox's own Kestrel app, beside the Bot API (which lives under <c>/bot{token}/</c>, so
/// the paths never clash). The page acts through the same simulated-user calls the tests use, and follows the chat
/// by long-polling the server's change <see cref="SandboxChats.Version"/>: a request waits for the next change instead
/// of the browser asking again and again.
/// </summary>
internal sealed class ChatPageEndpoints
{
    public const string ActionHeader = "X-Sandbox-Page";

    private const string PageSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-src 'self'; "
        + "frame-ancestors 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

    private const int MaxTextLength = 4096;
    private const int MaxCaptionLength = 1024;
    private const int MaxSideBySide = 4;

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly SandboxState _state;
    private readonly ChatPageDirectory _directory;
    private readonly ChatPageOptions _options;
    private readonly CancellationToken _stopping;
    private readonly WhatsAppDouble _whatsApp;
    private readonly string _css = ReadAsset("page.css");
    private readonly string _script = ReadAsset("page.js");

    public ChatPageEndpoints(SandboxState state, ChatPageDirectory directory, ChatPageOptions options, WhatsAppDouble whatsApp, CancellationToken stopping)
    {
        _whatsApp = whatsApp;
        _state = state;
        _directory = directory;
        _options = options;
        _stopping = stopping;
    }

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", (HttpContext context) => WritePageAsync(context, 200, ChatPageTemplates.Index(_options, _directory.Entries, _whatsApp.PageEntries)));
        routes.MapGet("/chat/{key}", (HttpContext context, string key) => _directory.Find(key) is { } entry
            ? WritePageAsync(context, 200, ChatPageTemplates.Chat(_options, entry))
            : WritePageAsync(context, 404, ChatPageTemplates.NotFound(_options, key)));
        routes.MapGet("/berdampingan", SideBySideAsync);
        routes.MapGet("/sandbox/assets/page.css", (HttpContext context) => WriteAssetAsync(context, "text/css; charset=utf-8", _css));
        routes.MapGet("/sandbox/assets/page.js", (HttpContext context) => WriteAssetAsync(context, "text/javascript; charset=utf-8", _script));
        routes.MapGet("/sandbox/api/chat/{key}", (HttpContext context, string key) => WithEntryAsync(context, key, entry => ChatStateAsync(context, entry)));
        routes.MapPost("/sandbox/api/chat/{key}/text", (HttpContext context, string key) => ActionAsync(context, key, entry => SendTextAsync(context, entry)));
        routes.MapPost("/sandbox/api/chat/{key}/contact", (HttpContext context, string key) => ActionAsync(context, key, entry =>
        {
            _state.Users.ShareContact(entry.UserId, null, null);
            return WriteJsonAsync(context, 200, new JsonObject { ["ok"] = true });
        }));
        routes.MapPost("/sandbox/api/chat/{key}/press", (HttpContext context, string key) => ActionAsync(context, key, entry => PressAsync(context, entry)));
        routes.MapPost("/sandbox/api/chat/{key}/file", (HttpContext context, string key) => ActionAsync(context, key, entry => UploadAsync(context, entry)));
        routes.MapGet("/sandbox/files/{key}/{messageId:long}", (HttpContext context, string key, long messageId) =>
            WithEntryAsync(context, key, entry => DownloadAsync(context, entry, messageId)));
    }

    private Task SideBySideAsync(HttpContext context)
    {
        var entries = context.Request.Query["p"]
            .Select(key => key is null ? null : _directory.Find(key))
            .OfType<ChatPageEntry>()
            .DistinctBy(e => e.Key)
            .Take(MaxSideBySide)
            .ToList();
        if (entries.Count == 0)
        {
            context.Response.Redirect("/");
            return Task.CompletedTask;
        }

        return WritePageAsync(context, 200, ChatPageTemplates.Side(_options, entries));
    }

    private async Task ChatStateAsync(HttpContext context, ChatPageEntry entry)
    {
        if (long.TryParse(context.Request.Query["since"], NumberStyles.None, CultureInfo.InvariantCulture, out var since))
        {
            // Real time on purpose: the page's wait is about the browser connection, not the bot's clock.
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping);
            wait.CancelAfter(_options.LongPollTimeout);
            try
            {
                await _state.Chats.WaitForChangeAsync(since, wait.Token);
            }
            catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
            {
                // Nothing changed in time (or the server is stopping): answer with the unchanged chat.
            }

            if (context.RequestAborted.IsCancellationRequested)
            {
                return;
            }
        }

        await WriteJsonAsync(context, 200, ChatState(entry));
    }

    private JsonObject ChatState(ChatPageEntry entry)
    {
        // The version is read before the snapshot: a change in between makes the page ask again, never miss it.
        var version = _state.Chats.Version;
        var messages = new JsonArray();
        foreach (var message in _state.Chats.Messages(entry.UserId))
        {
            messages.Add(Render(entry, message));
        }

        var answers = _state.Callbacks.Answers().Where(a => a.UserId == entry.UserId && !string.IsNullOrWhiteSpace(a.Text)).ToList();
        return new JsonObject
        {
            ["version"] = version,
            ["messages"] = messages,
            ["replyKeyboard"] = _state.Chats.ActiveReplyKeyboard(entry.UserId) is { } keyboard ? Render(keyboard) : null,
            ["notice"] = answers.Count == 0 ? null : new JsonObject
            {
                ["seq"] = answers.Count,
                ["text"] = answers[^1].Text,
                ["alert"] = answers[^1].ShowAlert,
            },
        };
    }

    private static JsonObject Render(ChatPageEntry entry, ChatMessage message)
    {
        var json = new JsonObject
        {
            ["id"] = message.MessageId,
            ["from"] = message.Sender == ChatMessageSender.Bot ? "bot" : "user",
            ["date"] = message.Date.ToString("O", CultureInfo.InvariantCulture),
            ["html"] = ChatPageHtml.Body(message),
            ["edited"] = message.EditCount > 0,
        };
        if (message.InlineKeyboard.Count > 0)
        {
            json["buttons"] = new JsonArray([.. message.InlineKeyboard.Select(row => (JsonNode)new JsonArray([.. row.Select(button => (JsonNode)new JsonObject
            {
                ["text"] = button.Text,
                ["data"] = button.CallbackData,
                ["url"] = button.Url,
            })]))]);
        }

        var fileUrl = $"/sandbox/files/{Uri.EscapeDataString(entry.Key)}/{message.MessageId.ToString(CultureInfo.InvariantCulture)}";
        if (message.Document is { } document)
        {
            json["document"] = new JsonObject { ["name"] = document.FileName ?? "dokumen", ["size"] = document.FileSize, ["url"] = fileUrl };
        }

        if (message.Photo is not null)
        {
            json["photo"] = new JsonObject { ["url"] = fileUrl };
        }

        if (message.Contact is { } contact)
        {
            json["contact"] = new JsonObject
            {
                ["name"] = string.Join(' ', new[] { contact.FirstName, contact.LastName }.Where(n => !string.IsNullOrWhiteSpace(n))),
                ["phone"] = contact.PhoneNumber,
            };
        }

        return json;
    }

    private static JsonObject Render(ChatReplyKeyboard keyboard) => new()
    {
        ["rows"] = new JsonArray([.. keyboard.Rows.Select(row => (JsonNode)new JsonArray([.. row.Select(button => (JsonNode)new JsonObject
        {
            ["text"] = button.Text,
            ["contact"] = button.RequestContact,
        })]))]),
        ["placeholder"] = keyboard.Placeholder,
    };

    private async Task SendTextAsync(HttpContext context, ChatPageEntry entry)
    {
        var body = await ReadJsonAsync(context);
        var text = body?["text"] is JsonValue value && value.TryGetValue<string>(out var s) ? s.Trim() : string.Empty;
        if (text.Length == 0)
        {
            await WriteErrorAsync(context, 400, "Pesan kosong tidak dikirim. Tulis pesan terlebih dahulu.");
            return;
        }

        if (text.Length > MaxTextLength)
        {
            await WriteErrorAsync(context, 400, $"Pesan terlalu panjang ({text.Length} karakter); paling banyak {MaxTextLength} karakter.");
            return;
        }

        _state.Users.SendText(entry.UserId, text);
        await WriteJsonAsync(context, 200, new JsonObject { ["ok"] = true });
    }

    private async Task PressAsync(HttpContext context, ChatPageEntry entry)
    {
        var body = await ReadJsonAsync(context);
        var messageId = body?["messageId"] is JsonValue id && id.TryGetValue<long>(out var m) ? m : 0;
        var data = body?["data"] is JsonValue value && value.TryGetValue<string>(out var d) ? d : null;
        if (messageId <= 0 || string.IsNullOrEmpty(data) || !_state.Chats.Messages(entry.UserId).Any(x => x.MessageId == messageId && x.Sender == ChatMessageSender.Bot))
        {
            await WriteErrorAsync(context, 400, "Tombol ini tidak dikenal. Muat ulang halaman lalu coba lagi.");
            return;
        }

        _state.Users.PressButton(entry.UserId, messageId, data);
        await WriteJsonAsync(context, 200, new JsonObject { ["ok"] = true });
    }

    private async Task UploadAsync(HttpContext context, ChatPageEntry entry)
    {
        if (!context.Request.HasFormContentType)
        {
            await WriteErrorAsync(context, 400, "Pilih berkas yang akan dikirim.");
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            await WriteErrorAsync(context, 400, "Berkas kosong tidak dikirim. Pilih foto atau dokumen.");
            return;
        }

        var caption = form["caption"].ToString().Trim();
        if (caption.Length > MaxCaptionLength)
        {
            await WriteErrorAsync(context, 400, $"Keterangan terlalu panjang; paling banyak {MaxCaptionLength} karakter.");
            return;
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, context.RequestAborted);
        var bytes = buffer.ToArray();
        var captionOrNull = caption.Length == 0 ? null : caption;

        // Telegram clients send pictures as photos (re-encoded, no file name) and everything else as documents.
        if (file.ContentType is "image/jpeg" or "image/png" or "image/webp")
        {
            _state.Users.SendPhoto(entry.UserId, bytes, captionOrNull);
        }
        else
        {
            var name = Path.GetFileName(file.FileName);
            _state.Users.SendDocument(
                entry.UserId,
                bytes,
                string.IsNullOrWhiteSpace(name) ? "berkas" : name,
                string.IsNullOrWhiteSpace(file.ContentType) ? "application/octet-stream" : file.ContentType,
                captionOrNull);
        }

        await WriteJsonAsync(context, 200, new JsonObject { ["ok"] = true });
    }

    private async Task DownloadAsync(HttpContext context, ChatPageEntry entry, long messageId)
    {
        var message = _state.Chats.Messages(entry.UserId).FirstOrDefault(m => m.MessageId == messageId);
        if ((message?.Document ?? message?.Photo) is not { } file)
        {
            await WritePageAsync(context, 404, ChatPageTemplates.NotFound(_options, entry.Key));
            return;
        }

        var bytes = _state.Files.Read(file.FileId);
        await WriteFileAsync(context, bytes, file.MimeType ?? SniffImageType(bytes), file.FileName);
    }

    /// <summary>A chat's file for the browser, opened inline only when it cannot run anything.</summary>
    internal static async Task WriteFileAsync(HttpContext context, byte[] bytes, string? type, string? fileName)
    {
        // Only types a browser shows without running anything open inline (the PDF in the browser's viewer);
        // anything else downloads, and the sandbox policy stops a served file from scripting the page's origin.
        var inline = type is "application/pdf" or "image/jpeg" or "image/png" or "image/webp";
        var name = fileName ?? (type == "image/png" ? "foto.png" : "foto.jpg");
        context.Response.ContentType = inline ? type! : "application/octet-stream";
        context.Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue(inline ? "inline" : "attachment")
        {
            FileNameStar = name,
        }.ToString();
        context.Response.Headers[HeaderNames.ContentSecurityPolicy] = "sandbox";
        context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    private static string? SniffImageType(byte[] bytes) => bytes switch
    {
        [0xFF, 0xD8, ..] => "image/jpeg",
        [0x89, 0x50, 0x4E, 0x47, ..] => "image/png",
        _ => null,
    };

    private Task WithEntryAsync(HttpContext context, string key, Func<ChatPageEntry, Task> handle) =>
        _directory.Find(key) is { } entry
            ? handle(entry)
            : WriteErrorAsync(context, 404, $"Pejabat '{key}' tidak ada di kantor ini; pilih salah satu dari daftar.");

    private Task ActionAsync(HttpContext context, string key, Func<ChatPageEntry, Task> handle)
    {
        // A custom header cannot be sent cross-site without a CORS preflight (which is never allowed here), so
        // another web site open in the same browser cannot act as an official through this local server; a foreign
        // Origin or Referer is refused as well, in case a browser or proxy ever lets such a header through.
        if (!IsFromThePage(context.Request))
        {
            return WriteErrorAsync(context, 403, "Permintaan ini hanya boleh datang dari halaman sandbox.");
        }

        return WithEntryAsync(context, key, handle);
    }

    /// <summary>The request carries the page's header and no foreign Origin or Referer.</summary>
    internal static bool IsFromThePage(HttpRequest request) =>
        request.Headers.ContainsKey(ActionHeader) && BrowserRequestPolicy.ForeignPage(request) is null;

    internal static async Task<JsonNode?> ReadJsonAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static Task WritePageAsync(HttpContext context, int status, string html)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers[HeaderNames.ContentSecurityPolicy] = PageSecurityPolicy;
        context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        context.Response.Headers[HeaderNames.CacheControl] = "no-store";
        return context.Response.WriteAsync(html, context.RequestAborted);
    }

    private static Task WriteAssetAsync(HttpContext context, string contentType, string content)
    {
        context.Response.ContentType = contentType;
        context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
        return context.Response.WriteAsync(content, context.RequestAborted);
    }

    internal static Task WriteErrorAsync(HttpContext context, int status, string message) =>
        WriteJsonAsync(context, status, new JsonObject { ["ok"] = false, ["error"] = message });

    internal static Task WriteJsonAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers[HeaderNames.CacheControl] = "no-store";
        return context.Response.WriteAsync(body.ToJsonString(JsonOptions), context.RequestAborted);
    }

    private static string ReadAsset(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("KinerjaBot.Sandbox.ChatPage." + name)
            ?? throw new InvalidOperationException($"The chat page asset '{name}' is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
