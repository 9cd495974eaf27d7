using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using KinerjaBot.Sandbox.WhatsApp;

namespace KinerjaBot.Tests.Sandbox;

/// <summary>The WhatsApp double hands people's messages and statuses to the bot's webhook as Meta does: verified, signed, retried.</summary>
public sealed class WhatsAppWebhookTests : WhatsAppTestBase
{
    private WebhookReceiver _bot = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _bot = await WebhookReceiver.StartAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task Subscribing_sends_the_verify_token_and_a_challenge_the_bot_must_echo()
    {
        await WhatsApp.SubscribeAsync(_bot.Url);

        var handshake = Assert.Single(_bot.Received);
        Assert.Equal("GET", handshake.Method);
        Assert.Equal("subscribe", handshake.Query["hub.mode"]);
        Assert.Equal("SANDBOX-wa-verify", handshake.Query["hub.verify_token"]);
        Assert.False(string.IsNullOrEmpty(handshake.Query["hub.challenge"]));
        Assert.Equal(_bot.Url, WhatsApp.WebhookUrl);
    }

    [Fact]
    public async Task A_webhook_that_does_not_echo_the_challenge_is_not_subscribed_and_gets_no_events()
    {
        _bot.ChallengeAnswer = "something else";
        await Ani.SendTextAsync("Halo");

        await Assert.ThrowsAsync<InvalidOperationException>(() => WhatsApp.SubscribeAsync(_bot.Url));

        Assert.Null(WhatsApp.WebhookUrl);
        Assert.DoesNotContain(_bot.Received, r => r.Method == "POST");
        Assert.Equal(1, WhatsApp.PendingWebhookEvents);
    }

    [Fact]
    public async Task A_persons_text_arrives_signed_with_the_app_secret_over_the_raw_body()
    {
        await WhatsApp.SubscribeAsync(_bot.Url);

        var id = await Ani.SendTextAsync("Halo, saya Ani — siap mengisi");
        var post = await _bot.WaitForPostAsync(id, Patience);

        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("SANDBOX-wa-secret"), post.Body));
        Assert.Equal(expected, post.Signature);
        Assert.Equal("application/json", post.ContentType);
        Assert.Equal("whatsapp_business_account", post.Json["object"]!.GetValue<string>());
        Assert.Equal("messages", post.Json["entry"]![0]!["changes"]![0]!["field"]!.GetValue<string>());
        var value = post.Value;
        Assert.Equal(WhatsApp.Options.PhoneNumberId, value["metadata"]!["phone_number_id"]!.GetValue<string>());
        Assert.Equal(("Ani Lestari", AniWaId), (value["contacts"]![0]!["profile"]!["name"]!.GetValue<string>(), value["contacts"]![0]!["wa_id"]!.GetValue<string>()));
        var message = value["messages"]![0]!;
        Assert.Equal((AniWaId, id, "text"), (message["from"]!.GetValue<string>(), message["id"]!.GetValue<string>(), message["type"]!.GetValue<string>()));
        Assert.Equal("Halo, saya Ani — siap mengisi", message["text"]!["body"]!.GetValue<string>());
        Assert.Equal(Morning.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), message["timestamp"]!.GetValue<string>());
    }

    [Fact]
    public async Task Events_written_before_the_subscription_wait_and_then_arrive_in_order()
    {
        var first = await Ani.SendTextAsync("satu");
        var second = await Ani.SendTextAsync("dua");

        await WhatsApp.SubscribeAsync(_bot.Url);
        await _bot.WaitForPostAsync(second, Patience);

        var posts = _bot.Received.Where(r => r.Method == "POST").Select(r => r.Value["messages"]![0]!["id"]!.GetValue<string>());
        Assert.Equal([first, second], posts);
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_with_the_same_signed_body_until_the_bot_answers_2xx()
    {
        await WhatsApp.SubscribeAsync(_bot.Url);
        _bot.AnswerNextPostsWith(500, 401);

        var id = await Ani.SendTextAsync("Halo");
        var delivered = await _bot.WaitForPostAsync(id, Patience);
        await WhatsApp.WaitForWebhookDeliveryAsync(d => d.Delivered, Patience);

        var attempts = _bot.Received.Where(r => r.Method == "POST").ToList();
        Assert.Equal([500, 401, 200], attempts.Select(a => a.AnsweredStatus));
        Assert.All(attempts, a => Assert.Equal((delivered.Text, delivered.Signature), (a.Text, a.Signature)));
        Assert.Equal([false, false, true], WhatsApp.WebhookDeliveries.Select(d => d.Delivered));
        Assert.Equal(0, WhatsApp.PendingWebhookEvents);
    }

    [Fact]
    public async Task Every_accepted_message_is_followed_by_sent_and_delivered_statuses()
    {
        await Ani.SendTextAsync("Halo");
        await WhatsApp.SubscribeAsync(_bot.Url);

        var id = await Graph.AcceptedAsync(Text("Selamat pagi."));
        await _bot.WaitForPostAsync("\"delivered\"", Patience);

        var statuses = _bot.Received
            .Where(r => r.Method == "POST" && r.Value["statuses"] is not null)
            .Select(r => r.Value["statuses"]![0]!)
            .Select(s => (s["id"]!.GetValue<string>(), s["status"]!.GetValue<string>(), s["recipient_id"]!.GetValue<string>()));
        Assert.Equal([(id, "sent", AniWaId), (id, "delivered", AniWaId)], statuses);
    }

    [Fact]
    public async Task Reading_the_chat_sends_read_statuses_once_per_message()
    {
        await Ani.SendTextAsync("Halo");
        await WhatsApp.SubscribeAsync(_bot.Url);
        var first = await Graph.AcceptedAsync(Text("Satu"));
        var second = await Graph.AcceptedAsync(Text("Dua"));

        Assert.Equal(2, Ani.ReadMessages());
        Assert.Equal(0, Ani.ReadMessages());
        await _bot.WaitForPostAsync("\"read\"", Patience);
        await WhatsApp.WaitForWebhookDeliveryAsync(d => d.Kind == "status:read" && d.Body.Contains(second, StringComparison.Ordinal) && d.Delivered, Patience);

        var read = WhatsApp.WebhookDeliveries.Where(d => d.Kind == "status:read").Select(d => JsonNode.Parse(d.Body)!["entry"]![0]!["changes"]![0]!["value"]!["statuses"]![0]!["id"]!.GetValue<string>());
        Assert.Equal([first, second], read);
    }

    [Fact]
    public async Task Pressing_a_reply_button_and_choosing_a_list_row_tell_the_bot_their_ids()
    {
        await Ani.SendTextAsync("Halo");
        await WhatsApp.SubscribeAsync(_bot.Url);
        var question = await Graph.AcceptedAsync(Buttons("Setujui?", ("approve:7", "Setujui"), ("return:7", "Kembalikan")));
        await Graph.AcceptedAsync(List("Pilih indikator", "Buka daftar", ("Indikator", [("ind:3", "Cakupan imunisasi", "persen"), ("ind:4", "Kunjungan", null)])));

        var press = await Ani.PressReplyButtonAsync("kembali");
        var choice = await Ani.ChooseListRowAsync("imunisasi");

        var pressed = (await _bot.WaitForPostAsync(press, Patience)).Value["messages"]![0]!;
        Assert.Equal("button_reply", pressed["interactive"]!["type"]!.GetValue<string>());
        Assert.Equal(("return:7", "Kembalikan"), (pressed["interactive"]!["button_reply"]!["id"]!.GetValue<string>(), pressed["interactive"]!["button_reply"]!["title"]!.GetValue<string>()));
        Assert.Equal(question, pressed["context"]!["id"]!.GetValue<string>());
        var chosen = (await _bot.WaitForPostAsync(choice, Patience)).Value["messages"]![0]!["interactive"]!;
        Assert.Equal("list_reply", chosen["type"]!.GetValue<string>());
        Assert.Equal(
            ("ind:3", "Cakupan imunisasi", "persen"),
            (chosen["list_reply"]!["id"]!.GetValue<string>(), chosen["list_reply"]!["title"]!.GetValue<string>(), chosen["list_reply"]!["description"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_template_quick_reply_arrives_as_a_button_message_with_its_payload()
    {
        await WhatsApp.SubscribeAsync(_bot.Url);
        await Graph.AcceptedAsync(Template("pembukaan_periode", "open-conversation", "Oktober 2026"));

        var id = await Ani.PressTemplateButtonAsync("open-conversation");

        var message = (await _bot.WaitForPostAsync(id, Patience)).Value["messages"]![0]!;
        Assert.Equal("button", message["type"]!.GetValue<string>());
        Assert.Equal("open-conversation", message["button"]!["payload"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_persons_photo_can_be_fetched_by_the_bot_through_the_media_endpoints()
    {
        await WhatsApp.SubscribeAsync(_bot.Url);
        var photo = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 9, 8, 7 };

        var id = await Ani.SendImageAsync(photo, "bukti kegiatan");

        var image = (await _bot.WaitForPostAsync(id, Patience)).Value["messages"]![0]!["image"]!;
        Assert.Equal(("image/jpeg", "bukti kegiatan"), (image["mime_type"]!.GetValue<string>(), image["caption"]!.GetValue<string>()));
        var lookup = await Graph.Http.GetFromJsonAsync<JsonObject>($"{Graph.BaseUrl}/v21.0/{image["id"]!.GetValue<string>()}");
        Assert.Equal(photo, await Graph.Http.GetByteArrayAsync(lookup!["url"]!.GetValue<string>()));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(photo)), image["sha256"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_persons_document_and_contact_card_arrive_with_their_details()
    {
        await WhatsApp.SubscribeAsync(_bot.Url);

        var document = await Ani.SendDocumentAsync("a;b\n1;2"u8.ToArray(), "data.csv", "text/plain", "data bulan ini");
        var contact = await Ani.SendContactAsync("Budi Santoso", "+62 812-0000-1111");

        var sent = (await _bot.WaitForPostAsync(document, Patience)).Value["messages"]![0]!["document"]!;
        Assert.Equal(("data.csv", "text/plain"), (sent["filename"]!.GetValue<string>(), sent["mime_type"]!.GetValue<string>()));
        var card = (await _bot.WaitForPostAsync(contact, Patience)).Value["messages"]![0]!["contacts"]![0]!;
        Assert.Equal("6281200001111", card["phones"]![0]!["wa_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Waiting_for_a_reply_sees_the_bot_message_sent_after_the_persons_latest_action()
    {
        await Ani.SendTextAsync("Halo");
        await Graph.AcceptedAsync(Text("Jawaban lama"));
        await Ani.SendTextAsync("Lagi");

        var waiting = Ani.WaitForReplyAsync(m => m.Text.StartsWith("Jawaban", StringComparison.Ordinal), Patience);
        await Graph.AcceptedAsync(Text("Jawaban baru"));

        Assert.Equal("Jawaban baru", (await waiting).Text);
        Assert.Equal(WhatsAppChatSender.Bot, (await waiting).Sender);
    }

    [Fact]
    public async Task A_text_outside_the_window_is_reported_failed_with_the_re_engagement_code_and_its_details()
    {
        await Ani.SendTextAsync("Halo");
        await WhatsApp.SubscribeAsync(_bot.Url);
        Clock.Advance(TimeSpan.FromHours(25));

        var id = await Graph.AcceptedAsync(Text("Pengingat"));

        var status = (await _bot.WaitForPostAsync("\"failed\"", Patience)).Value["statuses"]![0]!;
        Assert.Equal((id, AniWaId), (status["id"]!.GetValue<string>(), status["recipient_id"]!.GetValue<string>()));
        var error = status["errors"]![0]!;
        Assert.Equal((131047, "Re-engagement message"), (error["code"]!.GetValue<int>(), error["title"]!.GetValue<string>()));
        Assert.Equal(
            "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
            error["error_data"]!["details"]!.GetValue<string>());
        Assert.DoesNotContain(_bot.Received, r => r.Text.Contains("\"delivered\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_template_to_a_number_nobody_uses_is_accepted_then_reported_failed()
    {
        await WhatsApp.SubscribeAsync(_bot.Url);

        await Graph.AcceptedAsync(new
        {
            messaging_product = "whatsapp",
            to = "6280000000000",
            type = "template",
            template = new { name = "pengingat_kinerja", language = new { code = "id" } },
        });

        var status = (await _bot.WaitForPostAsync("\"failed\"", Patience)).Value["statuses"]![0]!;
        Assert.Equal(131026, status["errors"]![0]!["code"]!.GetValue<int>());
    }
}
