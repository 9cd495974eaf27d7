namespace KinerjaBot.Tests.Sandbox;

/// <summary>The sandbox refuses what Telegram refuses, with Telegram's exact descriptions.</summary>
public sealed class ValidationTests : SandboxTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await StartChatAsync(Ani);
    }

    private async Task<string> DescriptionAsync(string method, object parameters, int code = 400) =>
        (await Api.ErrorAsync(method, parameters, code))["description"]!.GetValue<string>();

    [Fact]
    public async Task Empty_text_is_refused()
    {
        Assert.Equal("Bad Request: message text is empty", await DescriptionAsync("sendMessage", new { chat_id = AniId, text = "" }));
        Assert.Equal("Bad Request: message text is empty", await DescriptionAsync("sendMessage", new { chat_id = AniId }));
        Assert.Equal("Bad Request: message text is empty", await DescriptionAsync("sendMessage", new { chat_id = AniId, text = "<b> </b>", parse_mode = "HTML" }));
    }

    [Fact]
    public async Task Text_over_4096_characters_is_refused_but_4096_is_fine()
    {
        Assert.Equal("Bad Request: message is too long", await DescriptionAsync("sendMessage", new { chat_id = AniId, text = new string('a', 4097) }));

        await SendAsync(new { chat_id = AniId, text = new string('a', 4096) });
        // Tags do not count: Telegram measures the text a person reads.
        await SendAsync(new { chat_id = AniId, text = "<b>" + new string('a', 4096) + "</b>", parse_mode = "HTML" });
    }

    [Fact]
    public async Task Callback_data_over_64_bytes_is_refused()
    {
        var tooLong = new string('x', 63) + "é"; // 65 bytes in UTF-8

        Assert.Equal(
            "Bad Request: BUTTON_DATA_INVALID",
            await DescriptionAsync("sendMessage", new { chat_id = AniId, text = "Pilih", reply_markup = Keyboard(("Pilih", tooLong)) }));
        await SendAsync(new { chat_id = AniId, text = "Pilih", reply_markup = Keyboard(("Pilih", new string('x', 64))) });
    }

    [Fact]
    public async Task An_unknown_chat_is_not_found()
    {
        Assert.Equal("Bad Request: chat not found", await DescriptionAsync("sendMessage", new { chat_id = 999, text = "Halo" }));
        Assert.Equal("Bad Request: chat not found", await DescriptionAsync("sendMessage", new { chat_id = "@someone", text = "Halo" }));
    }

    [Theory]
    [InlineData("<b>tebal", "Can't find end tag corresponding to start tag \"b\"")]
    [InlineData("<b><i>x</b></i>", "Unmatched end tag at byte offset 7, expected \"</i>\", found \"</b>\"")]
    [InlineData("x</b>", "Unexpected end tag at byte offset 1")]
    [InlineData("nilai < 5", "Unsupported start tag \"\" at byte offset 6")]
    [InlineData("<div>x</div>", "Unsupported start tag \"div\" at byte offset 0")]
    [InlineData("é <p>", "Unsupported start tag \"p\" at byte offset 3")]
    [InlineData("<a href=\"https://x\">tautan", "Can't find end tag corresponding to start tag \"a\"")]
    [InlineData("<code", "Unclosed start tag at byte offset 0")]
    public async Task Broken_html_cannot_be_parsed(string text, string problem)
    {
        Assert.Equal(
            "Bad Request: can't parse entities: " + problem,
            await DescriptionAsync("sendMessage", new { chat_id = AniId, text, parse_mode = "HTML" }));
    }

    [Theory]
    [InlineData("<b>tebal</b> <i>miring</i> <u>garis</u> <s>coret</s>")]
    [InlineData("<code>x</code> <pre>y</pre> <a href=\"https://e.go.id/?a=1&b=2\">tautan</a>")]
    [InlineData("nilai &lt; 5 &amp; naik")]
    [InlineData("tanpa parse mode <tetap> boleh")]
    public async Task Well_formed_html_and_escaped_text_are_accepted(string text)
    {
        var parseMode = text.StartsWith("tanpa", StringComparison.Ordinal) ? null : "HTML";

        await SendAsync(new { chat_id = AniId, text, parse_mode = parseMode });
    }

    [Fact]
    public async Task An_edit_that_changes_nothing_is_not_modified()
    {
        var messageId = await SendAsync(new { chat_id = AniId, text = "Setujui?", reply_markup = Keyboard(("Setujui", "ok")) });
        const string NotModified =
            "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

        Assert.Equal(NotModified, await DescriptionAsync("editMessageText", new { chat_id = AniId, message_id = messageId, text = "Setujui?", reply_markup = Keyboard(("Setujui", "ok")) }));
        Assert.Equal(NotModified, await DescriptionAsync("editMessageReplyMarkup", new { chat_id = AniId, message_id = messageId, reply_markup = Keyboard(("Setujui", "ok")) }));
        Assert.Equal(0, Server.LastBotMessage(AniId)!.EditCount);
    }

    [Fact]
    public async Task Editing_a_missing_message_finds_nothing_to_edit()
    {
        Assert.Equal("Bad Request: message to edit not found", await DescriptionAsync("editMessageText", new { chat_id = AniId, message_id = 77, text = "x" }));
        Assert.Equal("Bad Request: message to edit not found", await DescriptionAsync("editMessageReplyMarkup", new { chat_id = AniId, message_id = 77 }));
        Assert.Equal("Bad Request: message can't be edited", await DescriptionAsync("editMessageText", new { chat_id = AniId, message_id = 1, text = "x" }));
    }

    [Fact]
    public async Task An_unknown_or_already_answered_callback_query_is_too_old()
    {
        const string TooOld = "Bad Request: query is too old and response timeout expired or query ID is invalid";
        Assert.Equal(TooOld, await DescriptionAsync("answerCallbackQuery", new { callback_query_id = "123" }));

        var messageId = await SendAsync(new { chat_id = AniId, text = "Pilih", reply_markup = Keyboard(("A", "a")) });
        var updateId = await Ani.PressButtonAsync(messageId, "a");
        var id = (await Api.GetUpdatesAsync(offset: updateId))[0]!["callback_query"]!["id"]!.GetValue<string>();
        await Api.ResultAsync("answerCallbackQuery", new { callback_query_id = id });
        Assert.Equal(TooOld, await DescriptionAsync("answerCallbackQuery", new { callback_query_id = id }));
    }

    [Fact]
    public async Task A_wrong_token_is_unauthorized()
    {
        var body = await Api.ErrorAsync("getMe", null, 401, token: "7000000001:wrong");

        Assert.Equal("Unauthorized", body["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_method_is_not_found()
    {
        var body = await Api.ErrorAsync("sendTelepathy", new { chat_id = AniId }, 404);

        Assert.Equal("Not Found", body["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_user_who_blocked_the_bot_cannot_be_messaged()
    {
        Server.BlockBot(AniId);

        Assert.Equal("Forbidden: bot was blocked by the user", await DescriptionAsync("sendMessage", new { chat_id = AniId, text = "Halo" }, 403));
        Assert.True(Ani.HasBlockedBot);

        // Writing to the bot again unblocks it, as the client's "Restart" button does.
        await Ani.SendTextAsync("/start");
        await SendAsync(new { chat_id = AniId, text = "Selamat datang kembali" });
    }

    [Fact]
    public async Task The_bot_cannot_start_a_conversation_with_someone_who_never_wrote()
    {
        Server.AddUser(5_000_000_002, "Budi", null, "6281111111111");

        Assert.Equal(
            "Forbidden: bot can't initiate conversation with a user",
            await DescriptionAsync("sendMessage", new { chat_id = 5_000_000_002, text = "Pengingat" }, 403));
    }
}
