using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KinerjaBot.Sandbox.WhatsApp;

/// <summary>
/// The WhatsApp chats on the sandbox page (<c>/wa/{key}</c>): the same script, safety rules and long poll as the
/// Telegram chats (<see cref="ChatPageEndpoints"/>), drawn in WhatsApp's colours, with reply buttons under the
/// message and a list that opens as a sheet. The person acts through <see cref="SimulatedWhatsAppUser"/>.
/// </summary>
internal sealed partial class WhatsAppChatPageEndpoints(WhatsAppDouble whatsApp, ChatPageOptions options, CancellationToken stopping)
{
    private const int MaxTextLength = 4096;
    private const int MaxCaptionLength = 1024;

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/wa/{key}", (HttpContext context, string key) => whatsApp.FindPageEntry(key) is { } entry
            ? ChatPageEndpoints.WritePageAsync(context, 200, Page(entry))
            : ChatPageEndpoints.WritePageAsync(context, 404, ChatPageTemplates.NotFound(options, key)));
        routes.MapGet("/sandbox/api/wa/{key}", (HttpContext context, string key) => WithEntryAsync(context, key, entry => StateAsync(context, entry)));
        routes.MapPost("/sandbox/api/wa/{key}/text", (HttpContext context, string key) => ActionAsync(context, key, entry => SendTextAsync(context, entry)));
        routes.MapPost("/sandbox/api/wa/{key}/press", (HttpContext context, string key) => ActionAsync(context, key, entry => PressAsync(context, entry)));
        routes.MapPost("/sandbox/api/wa/{key}/file", (HttpContext context, string key) => ActionAsync(context, key, entry => UploadAsync(context, entry)));
        routes.MapGet("/sandbox/wa-files/{key}/{messageId}", (HttpContext context, string key, string messageId) =>
            WithEntryAsync(context, key, entry => DownloadAsync(context, entry, messageId)));
    }

    /// <summary>A bot text as safe HTML: escaped first, then WhatsApp's *bold*, _italic_ and ~strike~ as tags.</summary>
    internal static string Html(string text)
    {
        var escaped = WebUtility.HtmlEncode(text);
        escaped = Bold().Replace(escaped, "<b>$1</b>");
        escaped = Italic().Replace(escaped, "<i>$1</i>");
        return Strike().Replace(escaped, "<s>$1</s>");
    }

    [GeneratedRegex(@"\*([^*\n]+)\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"(?<![A-Za-z0-9])_([^_\n]+)_(?![A-Za-z0-9])")]
    private static partial Regex Italic();

    [GeneratedRegex(@"~([^~\n]+)~")]
    private static partial Regex Strike();

    private string Page(WhatsAppChatPageEntry entry)
    {
        var key = ChatPageHtml.Escape(entry.Key);
        var body = new StringBuilder();
        body.Append("<header class=\"chat-head\">")
            .Append("<a class=\"back\" href=\"/\" target=\"_top\" title=\"Kembali ke daftar pejabat\" aria-label=\"Kembali ke daftar pejabat\">←</a>")
            .Append(ChatPageTemplates.Avatar(entry.Name))
            .Append("<div class=\"who\"><b>").Append(ChatPageHtml.Escape(entry.Name)).Append("</b><small>")
            .Append(ChatPageHtml.Escape(entry.Subtitle)).Append(" · WhatsApp +").Append(ChatPageHtml.Escape(entry.WaId)).Append("</small></div>")
            .Append("<span id=\"status\" class=\"status\">menghubungkan…</span></header>");
        body.Append("<main id=\"messages\" class=\"messages\" aria-live=\"polite\"><p class=\"empty\">Belum ada pesan. Tulis <b>Halo</b> untuk memulai.</p></main>");
        body.Append("<div id=\"toast\" class=\"toast\" role=\"status\" hidden></div>");
        body.Append("<p id=\"error\" class=\"error\" role=\"alert\" hidden></p>");
        body.Append("<div id=\"reply-keyboard\" class=\"reply-keyboard\" hidden></div>");
        body.Append("<form id=\"composer\" class=\"composer\" autocomplete=\"off\">")
            .Append("<button type=\"button\" id=\"attach\" class=\"icon\" title=\"Kirim foto atau dokumen\" aria-label=\"Kirim foto atau dokumen\">")
            .Append("<svg viewBox=\"0 0 24 24\" aria-hidden=\"true\"><path d=\"M21 11.5l-8.6 8.6a5.5 5.5 0 0 1-7.8-7.8l8.6-8.6a3.7 3.7 0 0 1 5.2 5.2l-8.6 8.6a1.8 1.8 0 0 1-2.6-2.6l7.9-7.9\"/></svg></button>")
            .Append("<input type=\"file\" id=\"file\" hidden>")
            .Append("<textarea id=\"text\" rows=\"1\" placeholder=\"Ketik pesan\" aria-label=\"Pesan\"></textarea>")
            .Append("<button type=\"submit\" id=\"send\" class=\"send\" title=\"Kirim\" aria-label=\"Kirim\">➤</button>")
            .Append("</form>");
        var attributes = $" data-key=\"{key}\" data-api=\"/sandbox/api/wa/{key}\"";
        return ChatPageTemplates.Document($"{entry.Name} · WhatsApp · {options.Title}", "chat-page wa", attributes, body.ToString(), script: true);
    }

    private async Task StateAsync(HttpContext context, WhatsAppChatPageEntry entry)
    {
        if (long.TryParse(context.Request.Query["since"], NumberStyles.None, CultureInfo.InvariantCulture, out var since))
        {
            // Real time on purpose: the page's wait is about the browser connection, not the bot's clock.
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            wait.CancelAfter(options.LongPollTimeout);
            try
            {
                await whatsApp.WaitForChangeAsync(since, wait.Token);
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

        // The version is read before the snapshot: a change in between makes the page ask again, never miss it.
        var version = whatsApp.Version;
        var messages = new JsonArray();
        foreach (var message in whatsApp.Chats.Messages(entry.WaId))
        {
            messages.Add(Render(entry, message));
        }

        await ChatPageEndpoints.WriteJsonAsync(context, 200, new JsonObject { ["version"] = version, ["messages"] = messages });
    }

    private static JsonObject Render(WhatsAppChatPageEntry entry, WhatsAppChatMessage message)
    {
        var isBot = message.Sender == WhatsAppChatSender.Bot;
        var html = new StringBuilder();
        if (message.Header is { Length: > 0 } header)
        {
            html.Append("<b>").Append(ChatPageHtml.Escape(header)).Append("</b>\n");
        }

        if (message.TemplateName is { } template)
        {
            html.Append("<i>").Append(ChatPageHtml.Escape("Templat " + template)).Append("</i>\n");
            html.Append(ChatPageHtml.Escape(string.Join('\n', message.TemplateParameters)));
        }
        else if (message.Type != "contacts")
        {
            html.Append(isBot ? Html(message.Text) : ChatPageHtml.Escape(message.Text));
        }

        if (message.Footer is { Length: > 0 } footer)
        {
            html.Append("\n<small>").Append(ChatPageHtml.Escape(footer)).Append("</small>");
        }

        var json = new JsonObject
        {
            ["id"] = message.Id,
            ["from"] = isBot ? "bot" : "user",
            ["date"] = message.SentAt.ToString("O", CultureInfo.InvariantCulture),
            ["html"] = html.ToString(),
            ["edited"] = false,
        };
        if (isBot && message.Buttons.Count > 0)
        {
            var prefix = message.Type == "template" ? "t:" : "b:";
            json["buttons"] = new JsonArray([.. message.Buttons.Select(b => (JsonNode)new JsonArray(new JsonObject { ["text"] = b.Title, ["data"] = prefix + b.Id }))]);
        }

        if (isBot && message.ListButton is { } listButton)
        {
            json["list"] = new JsonObject
            {
                ["button"] = listButton,
                ["rows"] = new JsonArray([.. message.ListRows.Select(r => (JsonNode)new JsonObject
                {
                    ["title"] = r.Title,
                    ["description"] = r.Description,
                    ["section"] = r.SectionTitle,
                    ["data"] = "r:" + r.Id,
                })]),
            };
        }

        var fileUrl = $"/sandbox/wa-files/{Uri.EscapeDataString(entry.Key)}/{Uri.EscapeDataString(message.Id)}";
        if (message.Type == "document")
        {
            json["document"] = new JsonObject
            {
                ["name"] = message.DocumentFileName ?? "dokumen",
                ["size"] = message.ReadDocumentSize(),
                ["url"] = fileUrl,
            };
        }
        else if (message.Type == "image")
        {
            json["photo"] = new JsonObject { ["url"] = fileUrl };
        }
        else if (message.Type == "contacts")
        {
            json["contact"] = new JsonObject { ["name"] = message.Text, ["phone"] = string.Empty };
        }

        return json;
    }

    private async Task SendTextAsync(HttpContext context, WhatsAppChatPageEntry entry)
    {
        var body = await ChatPageEndpoints.ReadJsonAsync(context);
        var text = body?["text"] is JsonValue value && value.TryGetValue<string>(out var s) ? s.Trim() : string.Empty;
        if (text.Length == 0)
        {
            await ChatPageEndpoints.WriteErrorAsync(context, 400, "Pesan kosong tidak dikirim. Tulis pesan terlebih dahulu.");
            return;
        }

        if (text.Length > MaxTextLength)
        {
            await ChatPageEndpoints.WriteErrorAsync(context, 400, $"Pesan terlalu panjang ({text.Length} karakter); paling banyak {MaxTextLength} karakter.");
            return;
        }

        await whatsApp.GetUser(entry.WaId).SendTextAsync(text);
        await ChatPageEndpoints.WriteJsonAsync(context, 200, new JsonObject { ["ok"] = true });
    }

    private async Task PressAsync(HttpContext context, WhatsAppChatPageEntry entry)
    {
        var body = await ChatPageEndpoints.ReadJsonAsync(context);
        var messageId = body?["messageId"] is JsonValue id && id.TryGetValue<string>(out var m) ? m : null;
        var data = body?["data"] is JsonValue value && value.TryGetValue<string>(out var d) ? d : string.Empty;
        var under = whatsApp.Chats.Messages(entry.WaId).FirstOrDefault(x => x.Id == messageId && x.Sender == WhatsAppChatSender.Bot);
        var user = whatsApp.GetUser(entry.WaId);
        var pressed = under is null || data.Length < 3 ? null : (data[..2], data[2..]) switch
        {
            ("b:", var buttonId) when under.Type == "interactive" && under.Buttons.FirstOrDefault(b => b.Id == buttonId) is { } button => user.PressReplyButton(under, button),
            ("t:", var payload) when under.Type == "template" && under.Buttons.FirstOrDefault(b => b.Id == payload) is { } button => user.PressTemplateButton(under, button),
            ("r:", var rowId) when under.ListRows.FirstOrDefault(r => r.Id == rowId) is { } row => user.ChooseListRow(under, row),
            _ => null,
        };
        if (pressed is null)
        {
            await ChatPageEndpoints.WriteErrorAsync(context, 400, "Tombol ini tidak dikenal. Muat ulang halaman lalu coba lagi.");
            return;
        }

        await ChatPageEndpoints.WriteJsonAsync(context, 200, new JsonObject { ["ok"] = true });
    }

    private async Task UploadAsync(HttpContext context, WhatsAppChatPageEntry entry)
    {
        if (!context.Request.HasFormContentType)
        {
            await ChatPageEndpoints.WriteErrorAsync(context, 400, "Pilih berkas yang akan dikirim.");
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            await ChatPageEndpoints.WriteErrorAsync(context, 400, "Berkas kosong tidak dikirim. Pilih foto atau dokumen.");
            return;
        }

        var caption = form["caption"].ToString().Trim();
        if (caption.Length > MaxCaptionLength)
        {
            await ChatPageEndpoints.WriteErrorAsync(context, 400, $"Keterangan terlalu panjang; paling banyak {MaxCaptionLength} karakter.");
            return;
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, context.RequestAborted);
        var user = whatsApp.GetUser(entry.WaId);
        var captionOrNull = caption.Length == 0 ? null : caption;
        if (file.ContentType is "image/jpeg" or "image/png")
        {
            await user.SendImageAsync(buffer.ToArray(), captionOrNull);
        }
        else
        {
            var name = Path.GetFileName(file.FileName);
            await user.SendDocumentAsync(
                buffer.ToArray(),
                string.IsNullOrWhiteSpace(name) ? "berkas" : name,
                string.IsNullOrWhiteSpace(file.ContentType) ? "application/octet-stream" : file.ContentType,
                captionOrNull);
        }

        await ChatPageEndpoints.WriteJsonAsync(context, 200, new JsonObject { ["ok"] = true });
    }

    private async Task DownloadAsync(HttpContext context, WhatsAppChatPageEntry entry, string messageId)
    {
        var message = whatsApp.Chats.Messages(entry.WaId).FirstOrDefault(m => m.Id == messageId && m.MediaId is not null);
        if (message is null)
        {
            await ChatPageEndpoints.WritePageAsync(context, 404, ChatPageTemplates.NotFound(options, entry.Key));
            return;
        }

        await ChatPageEndpoints.WriteFileAsync(context, message.ReadDocument(), message.MimeType, message.DocumentFileName);
    }

    private Task WithEntryAsync(HttpContext context, string key, Func<WhatsAppChatPageEntry, Task> handle) =>
        whatsApp.FindPageEntry(key) is { } entry
            ? handle(entry)
            : ChatPageEndpoints.WriteErrorAsync(context, 404, $"Pejabat '{key}' tidak ada di kantor ini; pilih salah satu dari daftar.");

    private Task ActionAsync(HttpContext context, string key, Func<WhatsAppChatPageEntry, Task> handle) =>
        ChatPageEndpoints.IsFromThePage(context.Request)
            ? WithEntryAsync(context, key, handle)
            : ChatPageEndpoints.WriteErrorAsync(context, 403, "Permintaan ini hanya boleh datang dari halaman sandbox.");
}
