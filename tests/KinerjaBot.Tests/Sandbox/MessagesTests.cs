using System.Net.Http.Json;
using KinerjaBot.Sandbox;

namespace KinerjaBot.Tests.Sandbox;

public sealed class MessagesTests : SandboxTestBase
{
    [Fact]
    public async Task A_sent_message_is_stored_in_the_chat_with_its_inline_keyboard()
    {
        await StartChatAsync(Ani);

        var result = await Api.ResultAsync("sendMessage", new
        {
            chat_id = AniId,
            text = "Bapak/Ibu <b>Ani</b>, silakan isi.",
            parse_mode = "HTML",
            reply_markup = Keyboard(("Mulai isi", "fill:1"), ("Nanti", "later:1")),
        });

        Assert.Equal(AniId, result["chat"]!["id"]!.GetValue<long>());
        Assert.Equal(7000000001, result["from"]!["id"]!.GetValue<long>());
        Assert.Equal("Bapak/Ibu Ani, silakan isi.", result["text"]!.GetValue<string>());
        Assert.Equal("fill:1", result["reply_markup"]!["inline_keyboard"]![0]![0]!["callback_data"]!.GetValue<string>());

        var messages = Server.Messages(AniId);
        Assert.Equal(2, messages.Count);
        Assert.Equal(ChatMessageSender.User, messages[0].Sender);
        var sent = messages[1];
        Assert.Equal(result["message_id"]!.GetValue<long>(), sent.MessageId);
        Assert.Equal(ChatMessageSender.Bot, sent.Sender);
        Assert.Equal("Bapak/Ibu Ani, silakan isi.", sent.Text);
        Assert.Equal("Bapak/Ibu <b>Ani</b>, silakan isi.", sent.RawText);
        Assert.Equal("HTML", sent.ParseMode);
        Assert.Equal(["Mulai isi", "Nanti"], sent.Buttons.Select(b => b.Text));
        Assert.Equal(Morning, sent.Date);
        Assert.Equal(sent, Server.LastBotMessage(AniId));
    }

    [Fact]
    public async Task Html_entities_are_decoded_in_the_text_a_person_reads()
    {
        await StartChatAsync(Ani);

        await SendAsync(new { chat_id = AniId, text = "Nilai &lt;5&gt; &amp; &quot;naik&quot; &#8212; ok", parse_mode = "HTML" });

        Assert.Equal("Nilai <5> & \"naik\" \u2014 ok", Server.LastBotMessage(AniId)!.Text);
    }

    [Fact]
    public async Task Editing_the_text_replaces_it_and_without_reply_markup_removes_the_keyboard()
    {
        await StartChatAsync(Ani);
        var messageId = await SendAsync(new { chat_id = AniId, text = "Setujui?", reply_markup = Keyboard(("Setujui", "ok:1")) });
        Clock.Advance(TimeSpan.FromMinutes(3));

        var edited = await Api.ResultAsync("editMessageText", new { chat_id = AniId, message_id = messageId, text = "Disetujui." });

        Assert.Equal("Disetujui.", edited["text"]!.GetValue<string>());
        Assert.Equal(Morning.AddMinutes(3).ToUnixTimeSeconds(), edited["edit_date"]!.GetValue<long>());
        Assert.Null(edited["reply_markup"]);
        var stored = Server.LastBotMessage(AniId)!;
        Assert.Equal((messageId, "Disetujui.", 1), (stored.MessageId, stored.Text, stored.EditCount));
        Assert.Empty(stored.InlineKeyboard);
        Assert.Equal(2, Server.Messages(AniId).Count);
    }

    [Fact]
    public async Task Editing_the_reply_markup_changes_only_the_keyboard()
    {
        await StartChatAsync(Ani);
        var messageId = await SendAsync(new { chat_id = AniId, text = "Setujui?", reply_markup = Keyboard(("Setujui", "ok:1")) });

        await Api.ResultAsync("editMessageReplyMarkup", new { chat_id = AniId, message_id = messageId, reply_markup = Keyboard(("Kembalikan", "back:1")) });
        Assert.Equal(["Kembalikan"], Server.LastBotMessage(AniId)!.Buttons.Select(b => b.Text));

        await Api.ResultAsync("editMessageReplyMarkup", new { chat_id = AniId, message_id = messageId });
        var stored = Server.LastBotMessage(AniId)!;
        Assert.Empty(stored.Buttons);
        Assert.Equal(("Setujui?", 2), (stored.Text, stored.EditCount));
    }

    [Fact]
    public async Task Waiting_for_a_bot_message_completes_when_an_edit_makes_it_match()
    {
        await StartChatAsync(Ani);
        var messageId = await SendAsync(new { chat_id = AniId, text = "Menunggu…", reply_markup = Keyboard(("Batal", "cancel")) });
        var waiting = Server.WaitForBotMessageAsync(AniId, m => m.Content.Contains("Selesai", StringComparison.Ordinal), Patience);
        Assert.False(waiting.IsCompleted);

        await Api.ResultAsync("editMessageText", new { chat_id = AniId, message_id = messageId, text = "Selesai." });

        var found = await waiting;
        Assert.Equal((messageId, 1), (found.MessageId, found.EditCount));
    }

    [Fact]
    public async Task Waiting_for_a_reply_ignores_what_the_bot_said_before_the_users_latest_action()
    {
        await StartChatAsync(Ani);
        await SendAsync(new { chat_id = AniId, text = "Silakan kirim nilai." });
        await Ani.SendTextAsync("12");
        var waiting = Ani.WaitForReplyAsync(m => m.Content.StartsWith("Silakan", StringComparison.Ordinal), Patience);
        Assert.False(waiting.IsCompleted);

        await SendAsync(new { chat_id = AniId, text = "Silakan kirim bukti." });

        Assert.Equal("Silakan kirim bukti.", (await waiting).Text);
    }

    [Fact]
    public async Task Waiting_in_vain_times_out_with_the_chat_transcript()
    {
        await StartChatAsync(Ani);
        await SendAsync(new { chat_id = AniId, text = "Halo Ibu Ani", reply_markup = Keyboard(("Mulai isi", "fill")) });

        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => Server.WaitForBotMessageAsync(AniId, m => m.Content == "never", TimeSpan.FromMilliseconds(100)));

        Assert.Contains("#1 user: /start", error.Message, StringComparison.Ordinal);
        Assert.Contains("#2 bot: Halo Ibu Ani [Mulai isi]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_message_disappears_from_the_chat()
    {
        await StartChatAsync(Ani);
        var messageId = await SendAsync(new { chat_id = AniId, text = "Sementara" });

        Assert.True((await Api.ResultAsync("deleteMessage", new { chat_id = AniId, message_id = messageId })).GetValue<bool>());

        Assert.Null(Server.LastBotMessage(AniId));
        var error = await Api.ErrorAsync("deleteMessage", new { chat_id = AniId, message_id = messageId }, 400);
        Assert.Equal("Bad Request: message to delete not found", error["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_reply_keyboard_asking_for_the_contact_is_shown_until_removed()
    {
        await StartChatAsync(Ani);

        await SendAsync(new
        {
            chat_id = AniId,
            text = "Bagikan nomor telepon Anda.",
            reply_markup = new { keyboard = new[] { new[] { new { text = "Bagikan nomor", request_contact = true } } }, one_time_keyboard = true, resize_keyboard = true },
        });

        var keyboard = Ani.ActiveReplyKeyboard!;
        Assert.True(Assert.Single(keyboard.Buttons).RequestContact);
        Assert.True(keyboard.OneTime);
        Assert.Equal(keyboard, Server.LastBotMessage(AniId)!.ReplyKeyboard);

        await SendAsync(new { chat_id = AniId, text = "Terima kasih.", reply_markup = new { remove_keyboard = true } });
        Assert.Null(Ani.ActiveReplyKeyboard);
        Assert.True(Server.LastBotMessage(AniId)!.RemovesReplyKeyboard);
    }

    [Fact]
    public async Task Form_urlencoded_parameters_with_json_reply_markup_work_like_a_json_body()
    {
        await StartChatAsync(Ani);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["chat_id"] = AniId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["text"] = "Lewat form",
            ["reply_markup"] = """{"inline_keyboard":[[{"text":"Kirim","callback_data":"send"}]]}""",
        });

        using var response = await Api.Http.PostAsync(Api.MethodUrl("sendMessage"), form);

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("send", Server.LastBotMessage(AniId)!.FindButton("Kirim")!.CallbackData);
    }

    [Fact]
    public async Task Get_with_query_parameters_and_any_letter_case_reaches_the_method()
    {
        var body = await Api.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>(Api.MethodUrl("GETME") + "?unused=1");

        Assert.Equal("KinerjaTestBot", body!["result"]!["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task Commands_set_by_the_bot_are_returned_and_visible()
    {
        await Api.ResultAsync("setMyCommands", new { commands = new[] { new { command = "start", description = "Mulai" }, new { command = "bantuan", description = "Bantuan" } } });

        var commands = (await Api.ResultAsync("getMyCommands")).AsArray();

        Assert.Equal(["start", "bantuan"], commands.Select(c => c!["command"]!.GetValue<string>()));
        Assert.Equal([("start", "Mulai"), ("bantuan", "Bantuan")], Server.MyCommands);
        Assert.True((await Api.ResultAsync("deleteWebhook", new { drop_pending_updates = false })).GetValue<bool>());
    }

    [Fact]
    public async Task The_request_log_records_method_chat_parameters_and_status()
    {
        await StartChatAsync(Ani);
        await SendAsync(new { chat_id = AniId, text = "Halo" });
        await Api.ErrorAsync("sendMessage", new { chat_id = 1, text = "Halo" }, 400);

        var sends = Server.RequestLog.Where(r => r.Method == "sendMessage").ToList();

        Assert.Equal(2, sends.Count);
        Assert.Equal((AniId, 200, "Halo"), (sends[0].ChatId!.Value, sends[0].StatusCode!.Value, sends[0].Parameter("text")));
        Assert.Equal((400, "Bad Request: chat not found"), (sends[1].StatusCode!.Value, sends[1].ErrorDescription));
        Assert.True(sends[0].Sequence < sends[1].Sequence);
        Assert.True(sends[0].ReceivedAt <= sends[1].ReceivedAt);
    }
}
