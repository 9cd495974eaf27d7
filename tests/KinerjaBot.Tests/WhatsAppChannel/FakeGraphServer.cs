using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KinerjaBot.Tests.EndToEnd;
using KinerjaBot.WhatsApp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KinerjaBot.Tests.WhatsAppChannel;

/// <summary>
/// A small WhatsApp Cloud API double for the bot's side, following /work/WHATSAPP-CONTRACT.md until the sandbox's
/// lands: Graph endpoints that check the token and the interactive limits and the 24-hour window (errors in Graph's
/// shape and codes), media upload and download, and signed webhooks to the bot.
/// </summary>
public sealed class FakeGraphServer : IAsyncDisposable
{
    public const string PhoneNumberId = "100000000000001";
    public const string AccessToken = "TEST-wa-token";
    public const string AppSecret = "TEST-wa-secret";
    public const string VerifyToken = "TEST-wa-verify";
    public static readonly string[] Templates = ["pengingat_kinerja", "pembukaan_periode"];

    private readonly WebApplication _app;
    private readonly HttpClient _http = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastInbound = new();
    private readonly ConcurrentDictionary<string, byte[]> _media = new();
    private readonly ConcurrentQueue<JsonObject> _sent = new();
    private readonly ConcurrentQueue<(int Status, int Code, string? Details)> _refusals = new();
    private int _next;

    private FakeGraphServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Where the bot listens for webhooks; set by the test once the bot runs.</summary>
    public Uri? WebhookUrl { get; set; }

    public TimeSpan Window { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The clock of message timestamps and of the window: the bot's own test clock when it has one.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Every message the bot sent that was accepted, oldest first.</summary>
    public IReadOnlyList<JsonObject> Sent => [.. _sent];

    /// <summary>Every refusal as (HTTP status, Graph error code, the field or reason).</summary>
    public IReadOnlyList<(int Status, int Code, string? Details)> Refusals => [.. _refusals];

    public static async Task<FakeGraphServer> StartAsync(TimeSpan? window = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeGraphServer(app) { Window = window ?? TimeSpan.FromHours(24) };
        app.MapPost("/{ver}/{phone}/messages", (Delegate)server.MessagesAsync);
        app.MapPost("/{ver}/{phone}/media", (Delegate)server.UploadAsync);
        app.MapGet("/media-download/{id}", (Delegate)server.Download);
        app.MapGet("/{ver}/{id}", (Delegate)server.MediaInfo);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return server;
    }

    /// <summary>
    /// The whole bot (<see cref="BotHarness"/>) with its WhatsApp channel on this double, its webhook wired to this
    /// double and the operator staf-pk registered on Telegram: the start every WhatsApp end-to-end test makes.
    /// </summary>
    public async Task<BotHarness> StartBotAsync(TimeProvider? clock = null)
    {
        var listen = $"http://127.0.0.1:{BotHarness.FreePort()}";
        var bot = await BotHarness.StartAsync(clock, settings: _ => BotSettings(listen, Window));
        WebhookUrl = new Uri($"{listen}/whatsapp/webhook");
        await bot.RegisterAsync("staf-pk");
        return bot;
    }

    /// <summary>An official writes first from their roster number; returns the bot's "terdaftar sebagai" greeting.</summary>
    public async Task<JsonObject> GreetAsync(string waId, string text = "halo")
    {
        await SendTextAsync(waId, text);
        return await WaitForAsync(waId, m => TextOf(m).Contains("terdaftar sebagai"));
    }

    /// <summary>The bot's settings for this double.</summary>
    public string[] BotSettings(string webhookListen, TimeSpan? window = null) =>
    [
        $"--WhatsApp:AccessToken={AccessToken}",
        $"--WhatsApp:PhoneNumberId={PhoneNumberId}",
        $"--WhatsApp:AppSecret={AppSecret}",
        $"--WhatsApp:VerifyToken={VerifyToken}",
        $"--WhatsApp:ApiBaseUrl={BaseUrl}/v21.0",
        $"--WhatsApp:WebhookListen={webhookListen}",
        $"--WhatsApp:Sender:FirstBackoff=00:00:00.100",
        .. window is { } w ? new[] { $"--WhatsApp:CustomerServiceWindow={w}" } : [],
    ];

    /// <summary>The messages sent to <paramref name="waId"/>.</summary>
    public IReadOnlyList<JsonObject> SentTo(string waId) => [.. _sent.Where(m => (string?)m["to"] == waId)];

    /// <summary>Waits for a message to <paramref name="waId"/> that matches, among those not seen before <paramref name="after"/>.</summary>
    public async Task<JsonObject> WaitForAsync(string waId, Func<JsonObject, bool> match, int after = 0)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (SentTo(waId).Skip(after).FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No matching message to {waId}; sent so far:\n{string.Join("\n", SentTo(waId).Select(m => m.ToJsonString()))}");
    }

    public static string TextOf(JsonObject message) =>
        (string?)message["text"]?["body"] ?? (string?)message["interactive"]?["body"]?["text"] ?? (string?)message["document"]?["caption"] ?? string.Empty;

    public static IReadOnlyList<(string Id, string Title)> ButtonsOf(JsonObject message) =>
        [.. (message["interactive"]?["action"]?["buttons"]?.AsArray() ?? []).Select(b => ((string)b!["reply"]!["id"]!, (string)b!["reply"]!["title"]!))];

    public static IReadOnlyList<(string Id, string Title)> RowsOf(JsonObject message) =>
        [.. (message["interactive"]?["action"]?["sections"]?.AsArray() ?? []).SelectMany(s => s!["rows"]!.AsArray()).Select(r => ((string)r!["id"]!, (string)r!["title"]!))];

    /// <summary>Posts a signed webhook with one message from <paramref name="waId"/>; returns the bot's status code.</summary>
    public Task<HttpStatusCode> SendAsync(string waId, JsonObject message, string? signature = null, bool sign = true)
    {
        _lastInbound[waId] = Clock.GetUtcNow();
        message["from"] = waId;
        message["id"] = $"wamid.in.{Interlocked.Increment(ref _next)}";
        message["timestamp"] = Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = "waba-1",
                ["changes"] = new JsonArray(new JsonObject
                {
                    ["field"] = "messages",
                    ["value"] = new JsonObject
                    {
                        ["messaging_product"] = "whatsapp",
                        ["metadata"] = new JsonObject { ["display_phone_number"] = "6281100000000", ["phone_number_id"] = PhoneNumberId },
                        ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = "Pengguna " + waId[^3..] }, ["wa_id"] = waId }),
                        ["messages"] = new JsonArray(message),
                    },
                }),
            }),
        };
        return PostAsync(body.ToJsonString(), sign ? signature ?? WebhookSignature.Compute(Encoding.UTF8.GetBytes(body.ToJsonString()), AppSecret) : null);
    }

    /// <summary>Presses the reply button or chooses the list row whose title starts with <paramref name="titleStart"/>, on the newest message that has one.</summary>
    public Task<HttpStatusCode> PressAsync(string waId, string titleStart)
    {
        foreach (var message in SentTo(waId).Reverse())
        {
            if (ButtonsOf(message).FirstOrDefault(b => b.Title.StartsWith(titleStart, StringComparison.Ordinal)) is { Id: not null } button)
            {
                return PressButtonAsync(waId, button.Id, button.Title);
            }

            if (RowsOf(message).FirstOrDefault(r => r.Title.StartsWith(titleStart, StringComparison.Ordinal)) is { Id: not null } row)
            {
                return ChooseRowAsync(waId, row.Id, row.Title);
            }
        }

        throw new InvalidOperationException($"No button or row '{titleStart}' was sent to {waId}.");
    }

    /// <summary>Posts a signed status webhook for a message the bot sent.</summary>
    public Task<HttpStatusCode> PostStatusAsync(string wamid, string status, string recipient)
    {
        var body = new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = "waba-1",
                ["changes"] = new JsonArray(new JsonObject
                {
                    ["field"] = "messages",
                    ["value"] = new JsonObject
                    {
                        ["messaging_product"] = "whatsapp",
                        ["statuses"] = new JsonArray(new JsonObject { ["id"] = wamid, ["status"] = status, ["timestamp"] = "1790000000", ["recipient_id"] = recipient }),
                    },
                }),
            }),
        }.ToJsonString();
        return PostAsync(body, WebhookSignature.Compute(Encoding.UTF8.GetBytes(body), AppSecret));
    }

    public Task<HttpStatusCode> SendTextAsync(string waId, string text) =>
        SendAsync(waId, new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["body"] = text } });

    public Task<HttpStatusCode> PressButtonAsync(string waId, string id, string title) =>
        SendAsync(waId, new JsonObject { ["type"] = "interactive", ["interactive"] = new JsonObject { ["type"] = "button_reply", ["button_reply"] = new JsonObject { ["id"] = id, ["title"] = title } } });

    public Task<HttpStatusCode> ChooseRowAsync(string waId, string id, string title) =>
        SendAsync(waId, new JsonObject { ["type"] = "interactive", ["interactive"] = new JsonObject { ["type"] = "list_reply", ["list_reply"] = new JsonObject { ["id"] = id, ["title"] = title } } });

    public Task<HttpStatusCode> PressTemplateButtonAsync(string waId, string payload) =>
        SendAsync(waId, new JsonObject { ["type"] = "button", ["button"] = new JsonObject { ["payload"] = payload, ["text"] = "Buka pesan" } });

    public Task<HttpStatusCode> SendImageAsync(string waId, byte[] bytes, string caption)
    {
        var id = $"media-in-{Interlocked.Increment(ref _next)}";
        _media[id] = bytes;
        return SendAsync(waId, new JsonObject { ["type"] = "image", ["image"] = new JsonObject { ["id"] = id, ["mime_type"] = "image/jpeg", ["caption"] = caption } });
    }

    public async Task<HttpStatusCode> PostAsync(string body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.Add(WebhookSignature.HeaderName, signature);
        }

        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Meta's webhook verification GET; returns the status and the body.</summary>
    public async Task<(HttpStatusCode Status, string Body)> VerifyAsync(string verifyToken, string challenge)
    {
        using var response = await _http.GetAsync($"{WebhookUrl}?hub.mode=subscribe&hub.verify_token={Uri.EscapeDataString(verifyToken)}&hub.challenge={challenge}");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    private async Task<IResult> MessagesAsync(HttpContext context, string phone)
    {
        if (Unauthorized(context) is { } refused)
        {
            return refused;
        }

        var message = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        var to = (string?)message["to"] ?? string.Empty;
        var type = (string?)message["type"];
        if (phone != PhoneNumberId || (string?)message["messaging_product"] != "whatsapp")
        {
            return Error(400, 100, "Invalid parameter", "phone_number_id or messaging_product");
        }

        if (type == "template")
        {
            if (!Templates.Contains((string?)message["template"]?["name"]))
            {
                return Error(404, 132001, "Template name does not exist in the translation", "template.name");
            }
        }
        else if (!_lastInbound.TryGetValue(to, out var last) || Clock.GetUtcNow() - last >= Window)
        {
            return Error(400, 131047, "Re-engagement message", "Message failed to send because more than 24 hours have passed since the customer last replied to this number.");
        }

        if (LimitBroken(message) is { } field)
        {
            return Error(400, 131009, "Parameter value is not valid", field);
        }

        _sent.Enqueue(message);
        var id = $"wamid.out.{Interlocked.Increment(ref _next)}";
        return Results.Json(new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["contacts"] = new JsonArray(new JsonObject { ["input"] = to, ["wa_id"] = to }),
            ["messages"] = new JsonArray(new JsonObject { ["id"] = id }),
        });
    }

    private static string? LimitBroken(JsonObject message)
    {
        var interactive = message["interactive"];
        var kind = interactive is null ? null : (string?)interactive["type"];
        switch ((string?)message["type"])
        {
            case "text":
                return ((string?)message["text"]?["body"])?.Length is null or 0 or > 4096 ? "text.body" : null;
            case "document":
                return (string?)message["document"]?["id"] is null || ((string?)message["document"]?["caption"])?.Length > 1024 ? "document" : null;
            case "interactive" when kind == "button":
                var buttons = interactive!["action"]?["buttons"]?.AsArray() ?? [];
                var titles = buttons.Select(b => (string?)b?["reply"]?["title"] ?? string.Empty).ToList();
                return ((string?)interactive["body"]?["text"])?.Length is null or 0 or > 1024 ? "interactive.body.text"
                    : buttons.Count is < 1 or > 3 ? "interactive.action.buttons"
                    : titles.Any(t => t.Length is 0 or > 20) || titles.Distinct().Count() != titles.Count ? "interactive.action.buttons.reply.title"
                    : buttons.Any(b => ((string?)b?["reply"]?["id"])?.Length is null or 0 or > 256) ? "interactive.action.buttons.reply.id"
                    : null;
            case "interactive" when kind == "list":
                var rows = (interactive!["action"]?["sections"]?.AsArray() ?? []).SelectMany(s => s?["rows"]?.AsArray() ?? []).ToList();
                return ((string?)interactive["action"]?["button"])?.Length is null or 0 or > 20 ? "interactive.action.button"
                    : rows.Count is < 1 or > 10 ? "interactive.action.sections.rows"
                    : rows.Any(r => ((string?)r?["title"])?.Length is null or 0 or > 24) ? "interactive.action.sections.rows.title"
                    : rows.Any(r => ((string?)r?["id"])?.Length is null or 0 or > 200) ? "interactive.action.sections.rows.id"
                    : rows.Any(r => ((string?)r?["description"])?.Length > 72) ? "interactive.action.sections.rows.description"
                    : null;
            case "template":
                return null;
            default:
                return "type";
        }
    }

    private async Task<IResult> UploadAsync(HttpContext context)
    {
        if (Unauthorized(context) is { } refused)
        {
            return refused;
        }

        var form = await context.Request.ReadFormAsync();
        if (form.Files["file"] is not { } file || form["messaging_product"] != "whatsapp")
        {
            return Error(400, 100, "Invalid parameter", "file");
        }

        using var bytes = new MemoryStream();
        await file.CopyToAsync(bytes);
        var id = $"media-out-{Interlocked.Increment(ref _next)}";
        _media[id] = bytes.ToArray();
        return Results.Json(new JsonObject { ["id"] = id });
    }

    private IResult MediaInfo(HttpContext context, string id) =>
        Unauthorized(context) ?? (_media.TryGetValue(id, out var bytes)
            ? Results.Json(new JsonObject { ["url"] = $"{BaseUrl}/media-download/{id}", ["mime_type"] = "image/jpeg", ["sha256"] = "x", ["file_size"] = bytes.Length, ["id"] = id })
            : Error(404, 100, "Unsupported get request", id));

    private IResult Download(HttpContext context, string id) =>
        Unauthorized(context) ?? (_media.TryGetValue(id, out var bytes) ? Results.Bytes(bytes, "application/octet-stream") : Results.NotFound());

    /// <summary>The bytes of a document the bot uploaded.</summary>
    public byte[] Media(string id) => _media[id];

    private IResult? Unauthorized(HttpContext context) =>
        context.Request.Headers.Authorization == $"Bearer {AccessToken}" ? null : Error(401, 190, "Invalid OAuth access token - Cannot parse access token", null);

    private IResult Error(int status, int code, string message, string? details)
    {
        _refusals.Enqueue((status, code, details));
        var error = new JsonObject { ["message"] = message, ["type"] = "OAuthException", ["code"] = code, ["fbtrace_id"] = "trace" };
        if (details is not null)
        {
            error["error_data"] = new JsonObject { ["details"] = details };
        }

        return Results.Json(new JsonObject { ["error"] = error }, statusCode: status);
    }
}
