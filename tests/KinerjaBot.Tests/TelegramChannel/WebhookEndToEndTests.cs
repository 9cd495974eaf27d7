using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KinerjaBot.Sandbox;
using KinerjaBot.Tests.EndToEnd;

namespace KinerjaBot.Tests.TelegramChannel;

/// <summary>Webhook mode over real HTTP: the sandbox pushes updates to the bot's endpoint as Telegram does.</summary>
public sealed class WebhookEndToEndTests : IAsyncLifetime
{
    private BotHarness _bot = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _bot = await BotHarness.StartAsync(webhook: true);

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task The_bot_registers_its_webhook_with_the_secret_and_answers_officials_without_polling()
    {
        var webhook = _bot.Server.Webhook;

        Assert.NotNull(webhook);
        Assert.Equal(_bot.WebhookUrl, webhook.Url);
        Assert.Equal(_bot.WebhookSecret, webhook.SecretToken);
        Assert.Equal(["message", "callback_query"], webhook.AllowedUpdates);

        await _bot.RegisterAsync("kasi-trantib");
        Assert.DoesNotContain(_bot.Server.RequestLog, r => r.Method == "getUpdates");
        Assert.All(_bot.Server.WebhookDeliveries, d => Assert.Equal(200, d.StatusCode));
    }

    [Fact]
    public async Task A_request_without_the_secret_or_with_a_wrong_one_is_refused_and_changes_nothing()
    {
        var kasi = _bot.Official("kasi-trantib");
        const int forgedId = 990_001;

        using var unsigned = await PostAsync(StartCommand(forgedId, kasi.UserId), secret: null);
        using var wrong = await PostAsync(StartCommand(forgedId, kasi.UserId), secret: _bot.WebhookSecret + "x");

        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.False(await _bot.ReadStoreAsync(t => t.Telegram.IsProcessedAsync(forgedId, default)));
        Assert.Empty(_bot.Server.Messages(kasi.ChatId));
        Assert.Equal(2, _bot.Log.Lines.Count(l => l.Contains("Refused a webhook request", StringComparison.Ordinal)));

        // The real Telegram, with the secret, still gets through.
        await _bot.RegisterAsync("kasi-trantib");
    }

    [Fact]
    public async Task An_unreadable_update_is_answered_200_and_skipped_and_the_next_one_is_applied()
    {
        using var notJson = await PostAsync("{\"update_id\": 5, \"message\": ", _bot.WebhookSecret);
        using var withoutChat = await PostAsync("""{"update_id": 990002, "message": {"message_id": 1, "date": 1700000000, "text": "/start"}}""", _bot.WebhookSecret);

        Assert.Equal(HttpStatusCode.OK, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withoutChat.StatusCode);
        Assert.Contains(_bot.Log.Lines, l => l.Contains("Skipping update 990002 from Telegram: it cannot be read (message has no chat)", StringComparison.Ordinal));
        await _bot.RegisterAsync("kasi-trantib");
    }

    [Fact]
    public async Task Updates_that_arrive_while_the_bot_is_down_are_delivered_again_after_it_restarts()
    {
        await _bot.RegisterAsync("kasi-trantib");
        await _bot.StopBotAsync();
        var kasi = _bot.Official("kasi-trantib");

        var updateId = await kasi.SendTextAsync("/status");
        await _bot.Server.WaitForWebhookDeliveryAsync(d => d.UpdateId == updateId && !d.Delivered, BotHarness.Patience);
        await _bot.StartBotAsync();

        var status = await kasi.WaitForReplyAsync(m => m.Content.Contains("Belum ada periode yang dibuka"), BotHarness.Patience);
        Assert.NotNull(status);

        // The reply can reach the chat before the sandbox has read the bot's 200 for the same update: wait for that too.
        await _bot.Server.WaitForWebhookDeliveryAsync(d => d.UpdateId == updateId && d.Delivered, BotHarness.Patience);
        Assert.Single(_bot.Server.WebhookDeliveries, d => d.UpdateId == updateId && d.Delivered);
    }

    [Fact]
    public async Task The_health_endpoint_reports_the_database_telegram_and_the_outgoing_backlog()
    {
        using var healthy = await _http.GetAsync(new Uri(new Uri(_bot.WebhookListen!), "/healthz"));
        var body = JsonNode.Parse(await healthy.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Equal("ok", body["status"]!.GetValue<string>());
        Assert.Equal("ok", body["database"]!.GetValue<string>());
        Assert.Equal("ok", body["telegram"]!.GetValue<string>());
        Assert.Equal(0, body["outbox"]!["pending"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_health_endpoint_answers_503_when_telegram_cannot_be_reached()
    {
        // The webhook stays registered at the sandbox, so the restarted bot is reachable while getMe keeps failing.
        await _bot.StopBotAsync();
        _bot.Server.InjectFault("getMe", BotApiFault.ServerError(), count: 100);
        await _bot.StartBotAsync();

        using var response = await WaitForHealthAsync();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unhealthy", body["status"]!.GetValue<string>());
        Assert.Equal("ok", body["database"]!.GetValue<string>());
        Assert.NotEqual("ok", body["telegram"]!.GetValue<string>());
    }

    private async Task<HttpResponseMessage> WaitForHealthAsync()
    {
        var deadline = DateTime.UtcNow + BotHarness.Patience;
        while (true)
        {
            try
            {
                return await _http.GetAsync(new Uri(new Uri(_bot.WebhookListen!), "/healthz"));
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // The endpoint opens a moment after the host starts.
                await Task.Delay(50);
            }
        }
    }

    private static string StartCommand(int updateId, long userId) =>
        new JsonObject
        {
            ["update_id"] = updateId,
            ["message"] = new JsonObject
            {
                ["message_id"] = 1,
                ["date"] = 1_700_000_000,
                ["chat"] = new JsonObject { ["id"] = userId, ["type"] = "private" },
                ["from"] = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "Penyusup" },
                ["text"] = "/start",
            },
        }.ToJsonString();

    private async Task<HttpResponseMessage> PostAsync(string body, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _bot.WebhookUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (secret is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }

        return await _http.SendAsync(request);
    }
}
