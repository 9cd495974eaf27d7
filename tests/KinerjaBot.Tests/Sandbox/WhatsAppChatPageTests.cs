using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KinerjaBot.Sandbox;
using KinerjaBot.Sandbox.WhatsApp;

namespace KinerjaBot.Tests.Sandbox;

/// <summary>The WhatsApp chats on the sandbox page over real HTTP: listed, drawn from JSON, acted on, and just as safe.</summary>
public sealed class WhatsAppChatPageTests : IAsyncLifetime
{
    private const string SitiWaId = "6281311112222";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private LocalBotApiServer _server = null!;
    private RawGraphApi _graph = null!;
    private HttpClient _page = null!;
    private WebhookReceiver _bot = null!;
    private SimulatedWhatsAppUser _siti = null!;

    public async Task InitializeAsync()
    {
        _server = await LocalBotApiServer.StartAsync(new LocalBotApiServerOptions { ChatPage = new ChatPageOptions { Title = "Kantor Uji" } });
        _server.AddUser(5_000_000_001, "Ani", "Lestari", "6281234567890");
        _server.ListOnChatPage(new ChatPageEntry("ani", 5_000_000_001, "Ani Lestari", "Kepala Seksi", string.Empty));
        _siti = _server.WhatsApp.AddUser(SitiWaId, "Siti");
        _server.ListOnChatPage(new WhatsAppChatPageEntry("siti", SitiWaId, "Siti <b>Rahma</b>", "Verifikator", "verifikator Seksi Contoh"));
        _graph = new RawGraphApi(_server);
        _bot = await WebhookReceiver.StartAsync();
        await _server.WhatsApp.SubscribeAsync(_bot.Url);
        _page = new HttpClient { BaseAddress = new Uri(_server.BaseUrl), Timeout = TimeSpan.FromSeconds(15) };
        _page.DefaultRequestHeaders.Add("X-Sandbox-Page", "1");
    }

    public async Task DisposeAsync()
    {
        _page.Dispose();
        _graph.Dispose();
        await _server.DisposeAsync();
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task The_list_page_shows_whatsapp_officials_beside_telegram_ones_and_links_to_a_whatsapp_styled_chat()
    {
        var list = await _page.GetStringAsync("/");
        using var chat = await _page.GetAsync("/wa/siti");
        var html = await chat.Content.ReadAsStringAsync();

        Assert.Contains("href=\"/chat/ani\"", list, StringComparison.Ordinal);
        Assert.Contains("href=\"/wa/siti\"", list, StringComparison.Ordinal);
        Assert.Contains("WhatsApp", list, StringComparison.Ordinal);
        Assert.Contains("Siti &lt;b&gt;Rahma&lt;/b&gt;", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, chat.StatusCode);
        Assert.Contains("class=\"chat-page wa\"", html, StringComparison.Ordinal);
        Assert.Contains("data-api=\"/sandbox/api/wa/siti\"", html, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", chat.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _page.GetAsync("/wa/nobody")).StatusCode);
    }

    [Fact]
    public async Task Text_typed_on_the_page_reaches_the_bot_as_a_signed_webhook()
    {
        using var sent = await _page.PostAsJsonAsync("/sandbox/api/wa/siti/text", new { text = "Halo dari halaman" });

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        await _bot.WaitForPostAsync("Halo dari halaman", Patience);
    }

    [Fact]
    public async Task The_chat_shows_reply_buttons_and_a_list_and_pressing_them_on_the_page_tells_the_bot_their_ids()
    {
        await _siti.SendTextAsync("Halo");
        var question = await _graph.AcceptedAsync(new
        {
            messaging_product = "whatsapp",
            to = SitiWaId,
            type = "interactive",
            interactive = new
            {
                type = "button",
                body = new { text = "Setujui *laporan*?" },
                action = new { buttons = new[] { new { type = "reply", reply = new { id = "approve:1", title = "Setujui" } } } },
            },
        });
        var list = await _graph.AcceptedAsync(new
        {
            messaging_product = "whatsapp",
            to = SitiWaId,
            type = "interactive",
            interactive = new
            {
                type = "list",
                body = new { text = "Pilih" },
                action = new { button = "Buka daftar", sections = new[] { new { title = "Indikator", rows = new[] { new { id = "ind:2", title = "Kunjungan", description = "orang" } } } } },
            },
        });

        var state = await _page.GetFromJsonAsync<JsonObject>("/sandbox/api/wa/siti");
        var messages = state!["messages"]!.AsArray();
        var buttons = messages.Single(m => m!["id"]!.GetValue<string>() == question)!;
        var sheet = messages.Single(m => m!["id"]!.GetValue<string>() == list)!["list"]!;
        using var press = await _page.PostAsJsonAsync("/sandbox/api/wa/siti/press", new { messageId = question, data = buttons["buttons"]![0]![0]!["data"]!.GetValue<string>() });
        using var choose = await _page.PostAsJsonAsync("/sandbox/api/wa/siti/press", new { messageId = list, data = sheet["rows"]![0]!["data"]!.GetValue<string>() });

        Assert.Equal("Setujui <b>laporan</b>?", buttons["html"]!.GetValue<string>());
        Assert.Equal(("Buka daftar", "Kunjungan", "Indikator"), (sheet["button"]!.GetValue<string>(), sheet["rows"]![0]!["title"]!.GetValue<string>(), sheet["rows"]![0]!["section"]!.GetValue<string>()));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (press.StatusCode, choose.StatusCode));
        await _bot.WaitForPostAsync("\"approve:1\"", Patience);
        await _bot.WaitForPostAsync("\"ind:2\"", Patience);
    }

    [Fact]
    public async Task Script_in_a_bot_message_is_shown_as_text()
    {
        await _siti.SendTextAsync("Halo");
        await _graph.AcceptedAsync(new { messaging_product = "whatsapp", to = SitiWaId, type = "text", text = new { body = "<img src=x onerror=alert(1)> *tebal*" } });

        var state = await _page.GetFromJsonAsync<JsonObject>("/sandbox/api/wa/siti");

        Assert.Equal("&lt;img src=x onerror=alert(1)&gt; <b>tebal</b>", state!["messages"]!.AsArray()[^1]!["html"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_press_or_send_without_the_page_header_or_from_another_site_is_refused()
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(_server.BaseUrl) };
        using var withoutHeader = await anonymous.PostAsJsonAsync("/sandbox/api/wa/siti/text", new { text = "palsu" });
        using var foreign = new HttpRequestMessage(HttpMethod.Post, "/sandbox/api/wa/siti/text") { Content = JsonContent.Create(new { text = "palsu" }) };
        foreign.Headers.Add("Origin", "https://evil.example");
        using var fromElsewhere = await _page.SendAsync(foreign);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (withoutHeader.StatusCode, fromElsewhere.StatusCode));
        Assert.Empty(_siti.Messages);
    }

    [Fact]
    public async Task A_document_from_the_bot_opens_from_the_page_and_a_photo_from_the_page_reaches_the_bot()
    {
        await _siti.SendTextAsync("Halo");
        var pdf = "%PDF-1.4 laporan"u8.ToArray();
        var media = await _graph.UploadAsync(pdf, "application/pdf", "Laporan.pdf");
        var id = await _graph.AcceptedAsync(new { messaging_product = "whatsapp", to = SitiWaId, type = "document", document = new { id = media, filename = "Laporan.pdf" } });

        var state = await _page.GetFromJsonAsync<JsonObject>("/sandbox/api/wa/siti");
        var url = state!["messages"]!.AsArray().Single(m => m!["id"]!.GetValue<string>() == id)!["document"]!["url"]!.GetValue<string>();
        using var opened = await _page.GetAsync(url);
        using var form = new MultipartFormDataContent();
        using var photo = new ByteArrayContent([0xFF, 0xD8, 0xFF, 1]);
        photo.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(photo, "file", "bukti.jpg");
        form.Add(new StringContent("bukti"), "caption");
        using var uploaded = await _page.PostAsync("/sandbox/api/wa/siti/file", form);

        Assert.Equal("application/pdf", opened.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await opened.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var image = (await _bot.WaitForPostAsync("\"image\"", Patience)).Value["messages"]![0]!["image"]!;
        Assert.Equal("bukti", image["caption"]!.GetValue<string>());
    }
}
