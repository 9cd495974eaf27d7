using System.Net;
using System.Net.Http.Json;
using KinerjaBot.Sandbox;

namespace KinerjaBot.Tests.Sandbox;

/// <summary>
/// A web page the operator visits must not reach the chats through the local server: the browser sends its
/// requests (an &lt;img&gt; GET, a hidden form POST) with Origin, Referer and Sec-Fetch-* headers the bot never sends.
/// </summary>
public sealed class BrowserRequestTests : IAsyncLifetime
{
    private const long CamatId = 5_000_000_009;
    private const string ChatPageHeader = "X-Sandbox-Page";

    private LocalBotApiServer _server = null!;
    private RawBotApi _bot = null!;
    private HttpClient _browser = null!;

    public async Task InitializeAsync()
    {
        _server = await LocalBotApiServer.StartAsync(new LocalBotApiServerOptions
        {
            Token = "7000000001:browser-test-token",
            ChatPage = new ChatPageOptions { Title = "Kantor Uji", Subtitle = "Pemerintah Contoh" },
        });
        _server.AddUser(CamatId, "Camat", null, "6281234567899");
        _server.ListOnChatPage(new ChatPageEntry("camat", CamatId, "Camat Sukamaju", "Camat", "kepala kantor"));
        _bot = new RawBotApi(_server);
        _browser = new HttpClient { BaseAddress = new Uri(_server.BaseUrl), Timeout = TimeSpan.FromSeconds(15) };

        // The camat has written to the bot, so a send to them would be delivered if it got through.
        var updateId = await _server.GetUser(CamatId).SendTextAsync("/start");
        await _bot.GetUpdatesAsync(offset: updateId + 1);
    }

    public async Task DisposeAsync()
    {
        _browser.Dispose();
        _bot.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_form_posted_from_another_web_site_to_sendMessage_is_refused_and_nothing_reaches_the_chat()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _bot.MethodUrl("sendMessage"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["chat_id"] = $"{CamatId}", ["text"] = "Segera transfer dana" }),
        };
        request.Headers.Add("Origin", "http://evil.example");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var response = await _browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False((await RawBotApi.ReadAsync(response))["ok"]!.GetValue<bool>());
        Assert.DoesNotContain(_server.Messages(CamatId), m => m.Content.Contains("transfer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_image_tag_on_another_page_pointing_at_sendMessage_is_refused_and_nothing_reaches_the_chat()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _bot.MethodUrl("sendMessage") + $"?chat_id={CamatId}&text=Palsu");
        request.Headers.Referrer = new Uri("http://evil.example/halaman");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        request.Headers.Add("Sec-Fetch-Dest", "image");

        using var response = await _browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(_server.Messages(CamatId), m => m.Content == "Palsu");
    }

    [Fact]
    public async Task A_page_on_another_local_port_counts_as_another_web_site()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _bot.MethodUrl("sendMessage"))
        {
            Content = JsonContent.Create(new { chat_id = CamatId, text = "Dari port lain" }),
        };
        request.Headers.Add("Origin", "http://127.0.0.1:1");

        using var response = await _browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(_server.Messages(CamatId), m => m.Content == "Dari port lain");
    }

    [Theory]
    [InlineData("none")]
    [InlineData("same-origin")]
    public async Task A_browser_cannot_change_state_with_a_plain_GET_even_from_the_address_bar(string fetchSite)
    {
        using var send = new HttpRequestMessage(HttpMethod.Get, _bot.MethodUrl("sendMessage") + $"?chat_id={CamatId}&text=Lewat+alamat");
        send.Headers.Add("Sec-Fetch-Site", fetchSite);
        using var poll = new HttpRequestMessage(HttpMethod.Get, _bot.MethodUrl("getUpdates") + "?offset=999999");
        poll.Headers.Add("Sec-Fetch-Site", fetchSite);

        using var sent = await _browser.SendAsync(send);
        using var polled = await _browser.SendAsync(poll);

        Assert.Equal(HttpStatusCode.Forbidden, sent.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, polled.StatusCode);
        Assert.DoesNotContain(_server.Messages(CamatId), m => m.Content == "Lewat alamat");
    }

    [Fact]
    public async Task A_browser_may_still_read_getMe()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _bot.MethodUrl("getMe"));
        request.Headers.Add("Sec-Fetch-Site", "none");

        using var response = await _browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_bots_own_form_and_JSON_requests_without_browser_headers_still_work()
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["chat_id"] = $"{CamatId}", ["text"] = "Dari bot (form)" });
        using var formResponse = await _bot.Http.PostAsync(_bot.MethodUrl("sendMessage"), form);
        await _bot.ResultAsync("sendMessage", new { chat_id = CamatId, text = "Dari bot (JSON)" });

        Assert.Equal(HttpStatusCode.OK, formResponse.StatusCode);
        Assert.Contains(_server.Messages(CamatId), m => m.Content == "Dari bot (form)");
        Assert.Contains(_server.Messages(CamatId), m => m.Content == "Dari bot (JSON)");
    }

    [Fact]
    public async Task The_sandbox_pages_own_requests_still_work()
    {
        using var page = await _browser.GetAsync("/chat/camat");
        using var request = PageText("Halo dari halaman", origin: _server.BaseUrl);
        request.Headers.Referrer = new Uri(_server.BaseUrl + "/chat/camat");
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        using var response = await _browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(_server.Messages(CamatId), m => m.Content == "Halo dari halaman");
    }

    [Fact]
    public async Task The_page_actions_refuse_a_request_from_another_web_site_even_with_the_page_header()
    {
        using var request = PageText("Ditulis oleh situs lain", origin: "http://evil.example");

        using var response = await _browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(_server.Messages(CamatId), m => m.Content == "Ditulis oleh situs lain");
    }

    /// <summary>What the page's script sends when the person types: JSON, the page header, and the browser's Origin.</summary>
    private static HttpRequestMessage PageText(string text, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/sandbox/api/chat/camat/text") { Content = JsonContent.Create(new { text }) };
        request.Headers.Add(ChatPageHeader, "1");
        request.Headers.Add("Origin", origin);
        return request;
    }
}
