using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KinerjaBot.Storage;
using KinerjaBot.TelegramChannel;
using Microsoft.Extensions.DependencyInjection;

namespace KinerjaBot.Tests.EndToEnd;

/// <summary>Two offices' bots in webhook mode: one listener for both, each bot on its own path.</summary>
public sealed class SeveralOfficesWebhookEndToEndTests : IAsyncLifetime
{
    private const string Sample = SeveralOfficesHarness.Sample;
    private const string Second = SeveralOfficesHarness.Second;
    private readonly HttpClient _http = new();
    private SeveralOfficesHarness _offices = null!;

    public async Task InitializeAsync() => _offices = await SeveralOfficesHarness.StartAsync(webhook: true);

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _offices.DisposeAsync();
    }

    [Fact]
    public async Task Each_offices_bot_registers_its_own_path_on_the_one_listener_and_answers_its_own_officials()
    {
        Assert.Equal(new Uri($"{_offices.WebhookListen}/telegram/{Sample}"), _offices.ServerOf(Sample).Webhook!.Url);
        Assert.Equal(new Uri($"{_offices.WebhookListen}/telegram/{Second}"), _offices.ServerOf(Second).Webhook!.Url);

        await _offices.RegisterAsync(Sample, "camat");
        await _offices.RegisterAsync(Second, "camat");

        Assert.All(_offices.ServerOf(Sample).WebhookDeliveries.Concat(_offices.ServerOf(Second).WebhookDeliveries), d => Assert.Equal(200, d.StatusCode));
        Assert.Contains("Joko Santoso", _offices.Official(Second, "camat").Messages.Last(m => m.Content.Contains("Bapak/Ibu terdaftar sebagai")).Content);
    }

    [Fact]
    public async Task A_request_to_an_offices_path_without_the_secret_is_refused_and_an_unknown_path_is_not_found()
    {
        const long forgedId = 990_001;
        var kasi = _offices.Official(Second, "kasi-pem");
        var body = $$$"""{"update_id": {{{forgedId}}}, "message": {"message_id": 1, "date": 1767225600, "chat": {"id": {{{kasi.UserId}}}, "type": "private"}, "from": {"id": {{{kasi.UserId}}}, "is_bot": false, "first_name": "Dedi"}, "text": "/start"}}""";

        using var unsigned = await PostAsync($"/telegram/{Second}", body, secret: null);
        using var unknown = await PostAsync("/telegram/kec-lain", body, _offices.WebhookSecret);

        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var store = _offices.ServicesOf(Second).GetRequiredService<KinerjaStore>();
        await using (var read = await store.BeginAsync(default))
        {
            Assert.False(await read.Telegram.IsProcessedAsync(forgedId, default));
        }

        Assert.Empty(_offices.ServerOf(Second).Messages(kasi.ChatId));

        // Both offices log to one console; the line says whose bot refused it.
        Assert.Contains(_offices.Log.Lines, l => l.Contains($"[{Second}] Refused a webhook request", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_health_endpoint_reports_every_office_and_each_office_on_its_own()
    {
        using var all = await _http.GetAsync($"{_offices.WebhookListen}/healthz");
        using var second = await _http.GetAsync($"{_offices.WebhookListen}/healthz/{Second}");
        using var unknown = await _http.GetAsync($"{_offices.WebhookListen}/healthz/kec-lain");

        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        var report = JsonNode.Parse(await all.Content.ReadAsStringAsync())!;
        Assert.Equal("ok", report["status"]!.GetValue<string>());
        Assert.Equal("ok", report["offices"]![Sample]!["database"]!.GetValue<string>());
        Assert.Equal("ok", report["offices"]![Second]!["telegram"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(0, JsonNode.Parse(await second.Content.ReadAsStringAsync())!["outbox"]!["pending"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string body, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _offices.WebhookListen + path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (secret is not null)
        {
            request.Headers.Add(WebhookReceiver.SecretHeader, secret);
        }

        return await _http.SendAsync(request);
    }
}
