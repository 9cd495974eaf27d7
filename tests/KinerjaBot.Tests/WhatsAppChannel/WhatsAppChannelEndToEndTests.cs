using KinerjaBot.WhatsApp;
using System.Net;
using Dapper;
using KinerjaBot.Messaging;
using KinerjaBot.Tests.EndToEnd;
using KinerjaBot.WhatsAppChannel;

namespace KinerjaBot.Tests.WhatsAppChannel;

/// <summary>
/// The real host with both channels: Telegram against the sandbox, WhatsApp against <see cref="FakeGraphServer"/>
/// over real HTTP (signed webhooks in, Graph requests out). The operator stays on Telegram, Seksi Trantib's head is
/// on WhatsApp: a mixed office.
/// </summary>
public sealed class WhatsAppChannelEndToEndTests : IAsyncLifetime
{
    // kasi-trantib's roster number 081200000107, as WhatsApp names it.
    private const string Kasi = "6281200000107";
    private const string Stranger = "6281299999999";

    private FakeGraphServer _graph = null!;
    private BotHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync();
        _bot = await _graph.StartBotAsync();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task The_verification_handshake_echoes_the_challenge_only_for_the_right_verify_token()
    {
        var right = await _graph.VerifyAsync(FakeGraphServer.VerifyToken, "1158201444");
        var wrong = await _graph.VerifyAsync("guessed", "1158201444");

        Assert.Equal((HttpStatusCode.OK, "1158201444"), right);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.Status);
    }

    [Fact]
    public async Task An_unsigned_or_wrongly_signed_webhook_is_refused_and_stores_nothing()
    {
        var unsigned = await _graph.SendAsync(Kasi, TextMessage("halo"), sign: false);
        var forged = await _graph.SendAsync(Kasi, TextMessage("halo"), signature: "sha256=" + new string('0', 64));

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned);
        Assert.Equal(HttpStatusCode.Unauthorized, forged);
        await using var connection = await _bot.OpenDatabaseConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM whatsapp_processed"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM chat_bindings WHERE channel = 'whatsapp'"));
        Assert.Empty(_graph.Sent);
    }

    [Fact]
    public async Task An_official_registers_by_writing_from_their_roster_number_and_a_stranger_gets_one_polite_refusal()
    {
        Assert.Equal(HttpStatusCode.OK, await _graph.SendTextAsync(Kasi, "Selamat pagi"));
        var greeting = await _graph.WaitForAsync(Kasi, m => FakeGraphServer.TextOf(m).Contains("terdaftar sebagai"));
        Assert.Contains("Kepala Seksi", FakeGraphServer.TextOf(greeting));

        await _graph.SendTextAsync(Stranger, "halo");
        var refusal = await _graph.WaitForAsync(Stranger, _ => true);
        Assert.Contains("tidak terdaftar", FakeGraphServer.TextOf(refusal));
        Assert.Single(_graph.SentTo(Stranger));

        var binding = await _bot.ReadStoreAsync(t => t.Chats.FindByOfficialAsync("kasi-trantib", default));
        Assert.Equal(ChatAddress.FromWhatsAppId(Kasi), binding!.ChatId);
        Assert.Equal(KinerjaBot.Domain.ChatChannel.WhatsApp, binding.Channel);
    }

    [Fact]
    public async Task The_operator_on_telegram_opens_the_period_and_the_unit_head_on_whatsapp_fills_it_with_reply_buttons()
    {
        await _graph.GreetAsync(Kasi);

        await _bot.OpenPeriodAsync("2026-TW3");
        var invitation = await _graph.WaitForAsync(Kasi, m => FakeGraphServer.ButtonsOf(m).Any(b => b.Title == "Mulai isi"));
        Assert.Contains("Triwulan III 2026", FakeGraphServer.TextOf(invitation));
        var start = FakeGraphServer.ButtonsOf(invitation).Single(b => b.Title == "Mulai isi");

        var seen = _graph.SentTo(Kasi).Count;
        await _graph.PressButtonAsync(Kasi, start.Id, start.Title);
        var question = await _graph.WaitForAsync(Kasi, m => FakeGraphServer.TextOf(m).Contains("IKU-2"), seen);
        Assert.Contains("Target Triwulan III 2026: 70 %", FakeGraphServer.TextOf(question));

        seen = _graph.SentTo(Kasi).Count;
        await _graph.SendTextAsync(Kasi, "tujuh puluh");
        var complaint = await _graph.WaitForAsync(Kasi, _ => true, seen);
        Assert.Contains("angka", FakeGraphServer.TextOf(complaint), StringComparison.OrdinalIgnoreCase);

        seen = _graph.SentTo(Kasi).Count;
        await _graph.SendTextAsync(Kasi, "72,5\nRazia PKL tiga kali");
        var readBack = await _graph.WaitForAsync(Kasi, m => FakeGraphServer.TextOf(m).Contains("Tercatat"), seen);
        Assert.Contains("72,5", FakeGraphServer.TextOf(readBack));
        Assert.DoesNotContain(_graph.Refusals, r => r.Code == 131009);
    }

    [Fact]
    public async Task Delivery_statuses_from_whatsapp_are_recorded_on_the_outbox_row()
    {
        await _graph.GreetAsync(Kasi);
        var wamid = await WaitForChannelMessageIdAsync();

        await _graph.PostStatusAsync(wamid, "read", Kasi);

        await using var connection = await _bot.OpenDatabaseConnectionAsync();
        Assert.Equal("read", await connection.ExecuteScalarAsync<string>("SELECT delivery_status FROM outbox WHERE channel_message_id = @wamid", new { wamid }));
    }

    private async Task<string> WaitForChannelMessageIdAsync()
    {
        for (var i = 0; i < 300; i++)
        {
            await using var connection = await _bot.OpenDatabaseConnectionAsync();
            if (await connection.ExecuteScalarAsync<string?>("SELECT channel_message_id FROM outbox WHERE channel = 'whatsapp' AND channel_message_id IS NOT NULL ORDER BY id LIMIT 1") is { } id)
            {
                return id;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The sent WhatsApp message was never recorded.");
    }

    private static System.Text.Json.Nodes.JsonObject TextMessage(string text) =>
        new() { ["type"] = "text", ["text"] = new System.Text.Json.Nodes.JsonObject { ["body"] = text } };
}
