using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KinerjaBot.Sandbox;

namespace KinerjaBot.Tests.Sandbox;

/// <summary>
/// The sandbox chat page over real HTTP: what a person sees and can do in the browser, and that nothing in a message
/// can run as script on the page. The server knows only the names the host listed, never an office.
/// </summary>
public sealed class ChatPageTests : IAsyncLifetime
{
    private const long AniId = 5_000_000_001;
    private const long BudiId = 5_000_000_002;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private LocalBotApiServer _server = null!;
    private RawBotApi _bot = null!;
    private HttpClient _page = null!;

    public async Task InitializeAsync()
    {
        _server = await LocalBotApiServer.StartAsync(new LocalBotApiServerOptions
        {
            ChatPage = new ChatPageOptions { Title = "Kantor <Uji>", Subtitle = "Pemerintah Contoh" },
        });
        _server.AddUser(AniId, "Ani", "Lestari", "6281234567890");
        _server.AddUser(BudiId, "Budi", null, "6281234567891");
        _server.ListOnChatPage(new ChatPageEntry("ani", AniId, "Ani Lestari, S.E.", "Kepala Seksi Contoh", "pengisi data Seksi Contoh"));
        _server.ListOnChatPage(new ChatPageEntry("budi", BudiId, "Budi <script>alert(1)</script>", "Verifikator", string.Empty));
        _bot = new RawBotApi(_server);
        _page = new HttpClient { BaseAddress = new Uri(_server.BaseUrl), Timeout = TimeSpan.FromSeconds(15) };
        _page.DefaultRequestHeaders.Add("X-Sandbox-Page", "1");
    }

    public async Task DisposeAsync()
    {
        _page.Dispose();
        _bot.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task The_list_page_shows_every_listed_person_with_name_position_and_role_and_links_to_their_chat()
    {
        using var response = await _page.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Kantor &lt;Uji&gt;", html);
        Assert.Contains("Ani Lestari, S.E.", html);
        Assert.Contains("Kepala Seksi Contoh", html);
        Assert.Contains("pengisi data Seksi Contoh", html);
        Assert.Contains("href=\"/chat/ani\"", html);
        Assert.Contains("href=\"/chat/budi\"", html);
        Assert.Contains("Budi &lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>alert", html);
    }

    [Fact]
    public async Task A_known_person_gets_their_chat_page_and_an_unknown_one_a_clear_404_page_with_a_way_back()
    {
        using var known = await _page.GetAsync("/chat/ani");
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Contains("data-key=\"ani\"", await known.Content.ReadAsStringAsync());

        using var unknown = await _page.GetAsync("/chat/%3Cimg%20src%3Dx%3Ecamat-palsu");
        var html = await unknown.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("text/html", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Pejabat tidak ditemukan", html);
        Assert.Contains("&lt;img src=x&gt;camat-palsu</b> tidak ada di kantor ini", html);
        Assert.Contains("href=\"/\"", html);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public async Task An_empty_send_is_refused_with_a_clear_message_and_never_reaches_the_bot(string text)
    {
        using var response = await _page.PostAsJsonAsync("/sandbox/api/chat/ani/text", new { text });
        var body = await RawBotApi.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Pesan kosong tidak dikirim. Tulis pesan terlebih dahulu.", body["error"]!.GetValue<string>());
        Assert.Empty(_server.Messages(AniId));
        Assert.Equal(0, _server.PendingUpdateCount);
    }

    [Fact]
    public async Task A_send_without_the_page_header_is_refused_so_other_web_sites_cannot_act_as_an_official()
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(_server.BaseUrl) };
        using var response = await anonymous.PostAsJsonAsync("/sandbox/api/chat/ani/text", new { text = "/start" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_server.Messages(AniId));
    }

    [Fact]
    public async Task A_request_under_another_host_name_is_refused_so_dns_rebinding_cannot_reach_the_chats()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, _server.BaseUrl + "/");
        request.Headers.Host = "attacker.example";

        using var response = await http.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.MisdirectedRequest, response.StatusCode);
        Assert.DoesNotContain("Ani", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Typed_text_a_shared_contact_and_a_button_press_reach_the_bot_as_telegram_updates()
    {
        (await _page.PostAsJsonAsync("/sandbox/api/chat/ani/text", new { text = "  /start  " })).EnsureSuccessStatusCode();
        (await _page.PostAsync("/sandbox/api/chat/ani/contact", null)).EnsureSuccessStatusCode();
        var updates = await _bot.GetUpdatesAsync();
        var messageId = await SendAsync(new { chat_id = AniId, text = "Pilih", reply_markup = new { inline_keyboard = new[] { new[] { new { text = "Mulai isi", callback_data = "w:1" } } } } });
        (await _page.PostAsJsonAsync("/sandbox/api/chat/ani/press", new { messageId, data = "w:1" })).EnsureSuccessStatusCode();
        var press = await _bot.GetUpdatesAsync(offset: updates[updates.Count - 1]!["update_id"]!.GetValue<long>() + 1);

        Assert.Equal("/start", updates[0]!["message"]!["text"]!.GetValue<string>());
        Assert.Equal("6281234567890", updates[1]!["message"]!["contact"]!["phone_number"]!.GetValue<string>());
        Assert.Equal(AniId, updates[1]!["message"]!["contact"]!["user_id"]!.GetValue<long>());
        Assert.Equal("w:1", press.Single()!["callback_query"]!["data"]!.GetValue<string>());
    }

    [Fact]
    public async Task Html_in_messages_from_either_side_is_shown_as_text_while_the_bots_bold_stays_bold()
    {
        (await _page.PostAsJsonAsync("/sandbox/api/chat/ani/text", new { text = "<img src=x onerror=alert(1)>" })).EnsureSuccessStatusCode();
        await _bot.GetUpdatesAsync();
        await SendAsync(new
        {
            chat_id = AniId,
            parse_mode = "HTML",
            text = "<b>Tercatat</b>: &lt;script&gt;alert(2)&lt;/script&gt; <a href=\"javascript:alert(3)\">tautan</a> &amp; <i onmouseover=\"alert(4)\">miring</i>",
        });
        await SendAsync(new { chat_id = AniId, text = "<b>bukan HTML</b>" });

        var messages = (await ChatAsync("ani"))["messages"]!.AsArray();
        var html = messages.Select(m => m!["html"]!.GetValue<string>()).ToList();

        Assert.Equal("&lt;img src=x onerror=alert(1)&gt;", html[0]);
        Assert.Equal("<b>Tercatat</b>: &lt;script&gt;alert(2)&lt;/script&gt; <u>tautan</u> &amp; <i>miring</i>", html[1]);
        Assert.Equal("&lt;b&gt;bukan HTML&lt;/b&gt;", html[2]);
        Assert.DoesNotContain(html, h => h.Contains("javascript:", StringComparison.Ordinal) || h.Contains("onmouseover", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_emoji_beyond_the_first_plane_in_a_bots_html_message_is_shown_whole()
    {
        (await _page.PostAsJsonAsync("/sandbox/api/chat/ani/text", new { text = "/start" })).EnsureSuccessStatusCode();
        await _bot.GetUpdatesAsync();
        await SendAsync(new { chat_id = AniId, parse_mode = "HTML", text = "<b>Bukti</b> 📎 lampirkan" });

        var html = (await ChatAsync("ani"))["messages"]!.AsArray().Last()!["html"]!.GetValue<string>();

        Assert.Equal("<b>Bukti</b> &#128206; lampirkan", html);
    }

    [Fact]
    public async Task A_waiting_page_wakes_when_the_bot_edits_a_message_and_sees_its_buttons_gone()
    {
        await StartChatAsync();
        var messageId = await SendAsync(new { chat_id = AniId, text = "Ringkasan", reply_markup = new { inline_keyboard = new[] { new[] { new { text = "Kirim", callback_data = "k" } } } } });
        var before = await ChatAsync("ani");
        Assert.Equal("Kirim", before["messages"]!.AsArray()[^1]!["buttons"]![0]![0]!["text"]!.GetValue<string>());

        var waiting = ChatAsync("ani", since: before["version"]!.GetValue<long>());
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted, "The page's request must wait for a change, not answer at once.");
        await _bot.ResultAsync("editMessageText", new { chat_id = AniId, message_id = messageId, text = "Ringkasan (terkirim)" });
        var after = await waiting.WaitAsync(Patience);

        var edited = after["messages"]!.AsArray()[^1]!;
        Assert.Equal("Ringkasan (terkirim)", edited["html"]!.GetValue<string>());
        Assert.True(edited["edited"]!.GetValue<bool>());
        Assert.Null(edited["buttons"]);
    }

    [Fact]
    public async Task The_reply_keyboard_with_the_contact_button_is_offered_to_the_page()
    {
        await StartChatAsync();
        await SendAsync(new
        {
            chat_id = AniId,
            text = "Bagikan nomor",
            reply_markup = new { keyboard = new[] { new[] { new { text = "Bagikan nomor telepon", request_contact = true } } }, one_time_keyboard = true, resize_keyboard = true },
        });

        var keyboard = (await ChatAsync("ani"))["replyKeyboard"]!;

        Assert.Equal("Bagikan nomor telepon", keyboard["rows"]![0]![0]!["text"]!.GetValue<string>());
        Assert.True(keyboard["rows"]![0]![0]!["contact"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_pdf_from_the_bot_opens_in_the_browser_and_is_only_reachable_through_its_own_chat()
    {
        await StartChatAsync();
        var pdf = "%PDF-1.4\n%test\n"u8.ToArray();
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new StringContent(AniId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "chat_id");
            var file = new ByteArrayContent(pdf);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            form.Add(file, "document", "Laporan TW3.pdf");
            (await _bot.Http.PostAsync(_bot.MethodUrl("sendDocument"), form)).EnsureSuccessStatusCode();
        }

        var document = (await ChatAsync("ani"))["messages"]!.AsArray()[^1]!["document"]!;
        using var download = await _page.GetAsync(document["url"]!.GetValue<string>());

        Assert.Equal("Laporan TW3.pdf", document["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        using var elsewhere = await _page.GetAsync(document["url"]!.GetValue<string>().Replace("/ani/", "/budi/", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }

    [Fact]
    public async Task A_photo_and_a_document_sent_from_the_page_reach_the_bot_as_a_photo_and_a_document()
    {
        using (var form = new MultipartFormDataContent())
        {
            var photo = new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 0xFF, 0xD9]);
            photo.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
            form.Add(photo, "file", "bukti.jpg");
            form.Add(new StringContent("Bukti razia"), "caption");
            (await _page.PostAsync("/sandbox/api/chat/ani/file", form)).EnsureSuccessStatusCode();
        }

        using (var form = new MultipartFormDataContent())
        {
            var sheet = new ByteArrayContent("a;b\n1;2\n"u8.ToArray());
            sheet.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
            form.Add(sheet, "file", "data.csv");
            (await _page.PostAsync("/sandbox/api/chat/ani/file", form)).EnsureSuccessStatusCode();
        }

        var updates = await _bot.GetUpdatesAsync();

        Assert.NotNull(updates[0]!["message"]!["photo"]);
        Assert.Equal("Bukti razia", updates[0]!["message"]!["caption"]!.GetValue<string>());
        Assert.Equal("data.csv", updates[1]!["message"]!["document"]!["file_name"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_page_is_off_unless_the_host_asks_for_it()
    {
        await using var plain = await LocalBotApiServer.StartAsync();
        using var http = new HttpClient();
        using var response = await http.GetAsync(plain.BaseUrl + "/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task StartChatAsync()
    {
        await _server.GetUser(AniId).SendTextAsync("/start");
        await _bot.GetUpdatesAsync();
    }

    private async Task<long> SendAsync(object parameters) =>
        (await _bot.ResultAsync("sendMessage", parameters))["message_id"]!.GetValue<long>();

    private async Task<JsonObject> ChatAsync(string key, long? since = null)
    {
        var url = $"/sandbox/api/chat/{key}" + (since is { } v ? $"?since={v}" : string.Empty);
        using var response = await _page.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return await RawBotApi.ReadAsync(response);
    }
}
