using System.Net;
using System.Text.Json;
using KinerjaBot.Telegram;
using static KinerjaBot.Tests.Telegram.FakeBotApiHandler;
using static KinerjaBot.Tests.Telegram.TelegramTestSupport;

namespace KinerjaBot.Tests.Telegram;

public sealed class TelegramBotClientMethodTests
{
    private readonly FakeBotApiHandler _api = new();

    [Fact]
    public async Task GetMe_posts_to_the_bot_url_and_reads_the_bot_user()
    {
        _api.Then(Ok("""{"id":777,"is_bot":true,"first_name":"KinerjaBot","username":"kinerja_bot"}"""));

        var me = await Client(_api).GetMeAsync();

        var request = Assert.Single(_api.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(MethodUrl("getMe"), request.Uri.ToString());
        Assert.Equal(777, me.Id);
        Assert.True(me.IsBot);
        Assert.Equal("kinerja_bot", me.Username);
    }

    [Fact]
    public async Task GetUpdates_sends_offset_limit_timeout_and_allowed_updates_in_snake_case()
    {
        _api.Then(Ok("[]"));

        await Client(_api).GetUpdatesAsync(offset: 101, limit: 50, timeout: 25, allowedUpdates: ["message", "callback_query"]);

        var request = Assert.Single(_api.Requests);
        Assert.Equal(MethodUrl("getUpdates"), request.Uri.ToString());
        Assert.StartsWith("application/json", request.ContentType);
        Assert.Equal(
            """{"offset":101,"limit":50,"timeout":25,"allowed_updates":["message","callback_query"]}""",
            request.BodyText);
    }

    [Fact]
    public async Task GetUpdates_leaves_out_parameters_that_are_not_given()
    {
        _api.Then(Ok("[]"));

        await Client(_api).GetUpdatesAsync();

        Assert.Equal("{}", Assert.Single(_api.Requests).BodyText);
    }

    [Fact]
    public async Task GetUpdates_reads_messages_contacts_documents_photos_and_callback_queries()
    {
        _api.Then(Ok("""
            [
              {"update_id":1,"message":{"message_id":10,"date":1767225600,"chat":{"id":42,"type":"private"},
                "from":{"id":42,"is_bot":false,"first_name":"Budi","language_code":"id"},"text":"/start"}},
              {"update_id":2,"message":{"message_id":11,"date":1767225601,"chat":{"id":42,"type":"private"},
                "contact":{"phone_number":"+6281234567890","first_name":"Budi","last_name":"S","user_id":42}}},
              {"update_id":3,"message":{"message_id":12,"date":1767225602,"chat":{"id":42,"type":"private"},
                "document":{"file_id":"DOC","file_unique_id":"U1","file_name":"data.xlsx","mime_type":"application/x","file_size":2048},
                "caption":"lampiran"}},
              {"update_id":4,"message":{"message_id":13,"date":1767225603,"chat":{"id":42,"type":"private"},
                "photo":[{"file_id":"S","file_unique_id":"P1","width":90,"height":60},{"file_id":"L","file_unique_id":"P2","width":1280,"height":853,"file_size":99000}]}},
              {"update_id":5,"callback_query":{"id":"cb-1","from":{"id":42,"is_bot":false,"first_name":"Budi"},"chat_instance":"ci",
                "data":"approve:7","message":{"message_id":14,"date":1767225604,"chat":{"id":42,"type":"private"},"text":"Setujui?",
                "reply_markup":{"inline_keyboard":[[{"text":"Setujui","callback_data":"approve:7"}]]}}}},
              {"update_id":6,"edited_message":{"message_id":10,"date":1767225600,"edit_date":1767225700,"chat":{"id":42,"type":"private"},"text":"/status"},
                "some_future_field":{"x":1}}
            ]
            """));

        var updates = await Client(_api).GetUpdatesAsync();

        Assert.Equal([1L, 2, 3, 4, 5, 6], updates.Select(u => u.UpdateId));
        Assert.Equal("/start", updates[0].Message!.Text);
        Assert.Equal("id", updates[0].Message!.From!.LanguageCode);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), updates[0].Message!.SentAt);
        Assert.Equal(new Contact { PhoneNumber = "+6281234567890", FirstName = "Budi", LastName = "S", UserId = 42 }, updates[1].Message!.Contact);
        Assert.Equal("data.xlsx", updates[2].Message!.Document!.FileName);
        Assert.Equal(2048, updates[2].Message!.Document!.FileSize);
        Assert.Equal("lampiran", updates[2].Message!.Caption);
        Assert.Equal("L", updates[3].Message!.Photo![^1].FileId);
        var callback = updates[4].CallbackQuery!;
        Assert.Equal("cb-1", callback.Id);
        Assert.Equal("approve:7", callback.Data);
        Assert.Equal(14, callback.Message!.MessageId);
        Assert.Equal("approve:7", callback.Message.ReplyMarkup!.InlineKeyboard[0][0].CallbackData);
        Assert.Equal("/status", updates[5].EditedMessage!.Text);
    }

    [Fact]
    public async Task SendMessage_sends_chat_id_text_and_parse_mode_and_reads_the_sent_message()
    {
        _api.Then(Ok(SampleMessageJson(99, chatId: 42)));

        var sent = await Client(_api).SendMessageAsync(42, "Selamat pagi <b>Bapak</b>", ParseMode.Html);

        var request = Assert.Single(_api.Requests);
        Assert.Equal(MethodUrl("sendMessage"), request.Uri.ToString());
        Assert.Equal("""{"chat_id":42,"text":"Selamat pagi \u003Cb\u003EBapak\u003C/b\u003E","parse_mode":"HTML"}""", request.BodyText);
        Assert.Equal(99, sent.MessageId);
        Assert.Equal(42, sent.Chat.Id);
    }

    [Fact]
    public async Task SendMessage_writes_an_inline_keyboard_in_telegrams_exact_shape()
    {
        var keyboard = new InlineKeyboardMarkup(
        [
            [InlineKeyboardButton.WithCallbackData("Mulai isi", "fill:1"), InlineKeyboardButton.WithUrl("Panduan", "https://example.org/sop")],
        ]);

        await Client(_api).SendMessageAsync(42, "Pilih", replyMarkup: keyboard);

        Assert.Equal(
            """{"chat_id":42,"text":"Pilih","reply_markup":{"inline_keyboard":[[{"text":"Mulai isi","callback_data":"fill:1"},{"text":"Panduan","url":"https://example.org/sop"}]]}}""",
            Assert.Single(_api.Requests).BodyText);
    }

    [Fact]
    public async Task SendMessage_writes_a_contact_request_keyboard_in_telegrams_exact_shape()
    {
        await Client(_api).SendMessageAsync(42, "Bagikan nomor", replyMarkup: ReplyKeyboardMarkup.RequestContact("Bagikan nomor telepon"));

        Assert.Equal(
            """{"chat_id":42,"text":"Bagikan nomor","reply_markup":{"keyboard":[[{"text":"Bagikan nomor telepon","request_contact":true}]],"resize_keyboard":true,"one_time_keyboard":true}}""",
            Assert.Single(_api.Requests).BodyText);
    }

    [Fact]
    public async Task SendMessage_writes_a_keyboard_removal_in_telegrams_exact_shape()
    {
        await Client(_api).SendMessageAsync(42, "Terima kasih", replyMarkup: new ReplyKeyboardRemove());

        Assert.Equal(
            """{"chat_id":42,"text":"Terima kasih","reply_markup":{"remove_keyboard":true}}""",
            Assert.Single(_api.Requests).BodyText);
    }

    [Fact]
    public async Task EditMessageText_sends_chat_message_text_parse_mode_and_inline_keyboard()
    {
        await Client(_api).EditMessageTextAsync(
            42, 99, "Sudah disetujui", ParseMode.Html, InlineKeyboardMarkup.Column(InlineKeyboardButton.WithCallbackData("Ubah", "edit:1")));

        var request = Assert.Single(_api.Requests);
        Assert.Equal(MethodUrl("editMessageText"), request.Uri.ToString());
        Assert.Equal(
            """{"chat_id":42,"message_id":99,"text":"Sudah disetujui","parse_mode":"HTML","reply_markup":{"inline_keyboard":[[{"text":"Ubah","callback_data":"edit:1"}]]}}""",
            request.BodyText);
    }

    [Fact]
    public async Task EditMessageReplyMarkup_with_no_markup_sends_only_chat_and_message_to_remove_the_keyboard()
    {
        await Client(_api).EditMessageReplyMarkupAsync(42, 99, null);

        var request = Assert.Single(_api.Requests);
        Assert.Equal(MethodUrl("editMessageReplyMarkup"), request.Uri.ToString());
        Assert.Equal("""{"chat_id":42,"message_id":99}""", request.BodyText);
    }

    [Fact]
    public async Task EditMessageReplyMarkup_sends_the_new_keyboard()
    {
        await Client(_api).EditMessageReplyMarkupAsync(42, 99, InlineKeyboardMarkup.Row(InlineKeyboardButton.WithCallbackData("Kirim", "send:3")));

        Assert.Equal(
            """{"chat_id":42,"message_id":99,"reply_markup":{"inline_keyboard":[[{"text":"Kirim","callback_data":"send:3"}]]}}""",
            Assert.Single(_api.Requests).BodyText);
    }

    [Fact]
    public async Task AnswerCallbackQuery_sends_the_query_id_text_and_alert_flag()
    {
        _api.Then(Ok("true"));

        await Client(_api).AnswerCallbackQueryAsync("cb-1", "Tersimpan", showAlert: true);

        var request = Assert.Single(_api.Requests);
        Assert.Equal(MethodUrl("answerCallbackQuery"), request.Uri.ToString());
        Assert.Equal("""{"callback_query_id":"cb-1","text":"Tersimpan","show_alert":true}""", request.BodyText);
    }

    [Fact]
    public async Task SendDocument_uploads_the_stream_as_multipart_with_file_name_caption_and_keyboard()
    {
        var content = new MemoryStream("%PDF-1.7 rekap"u8.ToArray());

        await Client(_api).SendDocumentAsync(
            42, content, "rekap-2026-01.pdf", "Rekap <b>Januari</b>", ParseMode.Html,
            InlineKeyboardMarkup.Column(InlineKeyboardButton.WithCallbackData("Setujui", "ok:1")));

        var request = Assert.Single(_api.Requests);
        Assert.Equal(MethodUrl("sendDocument"), request.Uri.ToString());
        Assert.StartsWith("multipart/form-data", request.ContentType);
        var parts = await MultipartParts.ReadAsync(request);
        Assert.Equal("42", parts["chat_id"].Text);
        Assert.Equal("rekap-2026-01.pdf", parts["document"].FileName);
        Assert.Equal("%PDF-1.7 rekap", parts["document"].Text);
        Assert.Equal("Rekap <b>Januari</b>", parts["caption"].Text);
        Assert.Equal("HTML", parts["parse_mode"].Text);
        Assert.Equal("""{"inline_keyboard":[[{"text":"Setujui","callback_data":"ok:1"}]]}""", parts["reply_markup"].Text);
        Assert.True(content.CanRead, "the caller's stream must stay open");
    }

    [Fact]
    public async Task SendDocument_leaves_out_optional_parts_that_are_not_given()
    {
        await Client(_api).SendDocumentAsync(42, new MemoryStream([1, 2, 3]), "a.bin");

        var parts = await MultipartParts.ReadAsync(Assert.Single(_api.Requests));
        Assert.Equal(["chat_id", "document"], parts.Keys.Order());
    }

    [Fact]
    public async Task GetFile_sends_the_file_id_and_reads_the_file_path()
    {
        _api.Then(Ok("""{"file_id":"DOC","file_unique_id":"U1","file_size":2048,"file_path":"documents/file_7.xlsx"}"""));

        var file = await Client(_api).GetFileAsync("DOC");

        var request = Assert.Single(_api.Requests);
        Assert.Equal(MethodUrl("getFile"), request.Uri.ToString());
        Assert.Equal("""{"file_id":"DOC"}""", request.BodyText);
        Assert.Equal("documents/file_7.xlsx", file.FilePath);
        Assert.Equal(2048, file.FileSize);
    }

    [Fact]
    public async Task DownloadFile_gets_the_file_url_and_copies_the_bytes()
    {
        _api.Then(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([1, 2, 3, 4]) });
        var destination = new MemoryStream();

        await Client(_api).DownloadFileAsync("documents/file_7.xlsx", destination);

        var request = Assert.Single(_api.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal($"{BaseUrl}/file/bot{Token}/documents/file_7.xlsx", request.Uri.ToString());
        Assert.Equal([1, 2, 3, 4], destination.ToArray());
    }

    [Fact]
    public async Task DownloadFile_of_a_missing_file_throws_an_api_error_with_the_status()
    {
        _api.Then(Error(HttpStatusCode.NotFound, "Not Found"));

        var error = await Assert.ThrowsAsync<TelegramApiException>(
            () => Client(_api).DownloadFileAsync("documents/gone.xlsx", new MemoryStream()));

        Assert.Equal(404, error.ErrorCode);
        Assert.DoesNotContain(Token, error.ToString());
    }

    [Fact]
    public async Task SetMyCommands_sends_the_command_list()
    {
        _api.Then(Ok("true"));

        await Client(_api).SetMyCommandsAsync([new BotCommand("start", "Mulai"), new BotCommand("bantuan", "Bantuan")], "id");

        var request = Assert.Single(_api.Requests);
        Assert.Equal(MethodUrl("setMyCommands"), request.Uri.ToString());
        Assert.Equal(
            """{"commands":[{"command":"start","description":"Mulai"},{"command":"bantuan","description":"Bantuan"}],"language_code":"id"}""",
            request.BodyText);
    }

    [Fact]
    public async Task DeleteWebhook_sends_drop_pending_updates()
    {
        _api.Then(Ok("true"));

        await Client(_api).DeleteWebhookAsync(dropPendingUpdates: true);

        var request = Assert.Single(_api.Requests);
        Assert.Equal(MethodUrl("deleteWebhook"), request.Uri.ToString());
        Assert.Equal("""{"drop_pending_updates":true}""", request.BodyText);
    }

    [Fact]
    public void A_callback_data_longer_than_64_bytes_is_refused_when_the_button_is_built()
    {
        // 22 three-byte characters: 22 characters but 66 bytes.
        var data = new string('\u20AC', 22);

        Assert.Throws<ArgumentException>(() => InlineKeyboardButton.WithCallbackData("Setujui", data));
    }

    [Fact]
    public void A_client_without_a_token_is_refused_at_construction()
    {
        Assert.Throws<ArgumentException>(() => new TelegramBotClient(new HttpClient(_api), new TelegramClientOptions()));
    }

    [Fact]
    public void Reply_markup_json_reads_back_into_the_right_kind()
    {
        // Fake Bot API servers in host tests parse what the bot sent; the untagged union must round-trip.
        var markup = TelegramJson.DeserializeReplyMarkup(
            """{"keyboard":[[{"text":"Bagikan","request_contact":true}]],"resize_keyboard":true}""");

        var keyboard = Assert.IsType<ReplyKeyboardMarkup>(markup);
        Assert.True(keyboard.Keyboard[0][0].RequestContact);
        Assert.True(keyboard.ResizeKeyboard);
        Assert.IsType<ReplyKeyboardRemove>(TelegramJson.DeserializeReplyMarkup("""{"remove_keyboard":true}"""));
        Assert.IsType<InlineKeyboardMarkup>(TelegramJson.DeserializeReplyMarkup("""{"inline_keyboard":[]}"""));
    }

    [Fact]
    public void An_update_written_for_a_webhook_or_fake_server_reads_back_the_same()
    {
        var update = new Update
        {
            UpdateId = 5,
            Message = new Message
            {
                MessageId = 9,
                Date = 1767225600,
                Chat = new Chat { Id = 42, Type = "private" },
                Contact = new Contact { PhoneNumber = "081234567890", FirstName = "Budi", UserId = 42 },
            },
        };

        var json = TelegramJson.Serialize(update);

        Assert.Equal(
            """{"update_id":5,"message":{"message_id":9,"chat":{"id":42,"type":"private"},"date":1767225600,"contact":{"phone_number":"081234567890","first_name":"Budi","user_id":42}}}""",
            json);
        Assert.Equal(update.Message.Contact, TelegramJson.DeserializeUpdate(json).Message!.Contact);
    }
}
