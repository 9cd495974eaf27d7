using KinerjaBot.Messaging;
using KinerjaBot.Telegram;
using KinerjaBot.TelegramChannel;
using KinerjaBot.Tests.Support;
using KinerjaBot.Tests.Telegram;
using Moq;
using Telegram.Bot.Types.Enums;
using static KinerjaBot.Tests.Telegram.FakeBotApiHandler;
using static KinerjaBot.Tests.Telegram.TelegramTestSupport;

namespace KinerjaBot.Tests.TelegramChannel;

/// <summary>What reaches Telegram when the bot renders a message and sends it: the buttons and files an official sees.</summary>
public sealed class TelegramWireTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.FromHours(7)));
    private readonly FakeBotApiHandler _api;
    private readonly TelegramSender _sender;

    public TelegramWireTests()
    {
        _api = new FakeBotApiHandler(_clock);
        _sender = new TelegramSender(Client(_api, _clock), Mock.Of<IChatUnreachableHandler>(), _clock);
    }

    [Fact]
    public async Task Choices_arrive_as_inline_buttons_in_rows_with_their_actions()
    {
        var message = OutgoingMessage.Plain("Pilih") with { Choices = [[new("Setujui", "ok:7"), new("Kembalikan", "ret:7")], [new("Batal", "x")]] };

        await SendAsync(message);

        var rows = _api.Requests.Single().Json().GetProperty("reply_markup").GetProperty("inline_keyboard");
        Assert.Equal(
            [["Setujui=ok:7", "Kembalikan=ret:7"], ["Batal=x"]],
            rows.EnumerateArray().Select(r => r.EnumerateArray().Select(b => $"{b.GetProperty("text").GetString()}={b.GetProperty("callback_data").GetString()}").ToArray()).ToArray());
    }

    [Fact]
    public async Task A_contact_request_arrives_as_a_one_time_share_contact_button()
    {
        await SendAsync(OutgoingMessage.Plain("Bagikan nomor") with { ContactRequestLabel = "Bagikan nomor telepon" });

        var markup = _api.Requests.Single().Json().GetProperty("reply_markup");
        var button = markup.GetProperty("keyboard")[0][0];
        Assert.Equal("Bagikan nomor telepon", button.GetProperty("text").GetString());
        Assert.True(button.GetProperty("request_contact").GetBoolean());
        Assert.True(markup.GetProperty("one_time_keyboard").GetBoolean());
        Assert.True(markup.GetProperty("resize_keyboard").GetBoolean());
    }

    [Fact]
    public async Task A_keyboard_removal_arrives_as_remove_keyboard()
    {
        await SendAsync(OutgoingMessage.Plain("Terima kasih") with { RemoveKeyboard = true });

        Assert.True(_api.Requests.Single().Json().GetProperty("reply_markup").GetProperty("remove_keyboard").GetBoolean());
    }

    [Fact]
    public async Task Text_goes_out_escaped_as_html_with_bold_runs()
    {
        await SendAsync(new OutgoingMessage { Text = [new TextSpan("Nilai <72> & "), new TextSpan("Budi", Bold: true)] });

        var body = _api.Requests.Single().Json();
        Assert.Equal("Nilai &lt;72&gt; &amp; <b>Budi</b>", body.GetProperty("text").GetString());
        Assert.Equal("html", body.GetProperty("parse_mode").GetString()!.ToLowerInvariant());
    }

    [Fact]
    public async Task A_document_is_uploaded_with_its_file_name_html_caption_and_buttons()
    {
        var file = new MemoryStream("%PDF-1.7 rekap"u8.ToArray());
        var markup = TelegramRenderer.Markup(OutgoingMessage.Plain("x") with { Choices = [[new("Setujui", "ok:1")]] });

        var send = _sender.SendDocumentAsync(42, file, "rekap-2026-01.pdf", "Rekap <b>Januari</b>", ParseMode.Html, markup);
        await FakeClockPump.RunUntilCompletedAsync(_clock, send);
        await send;

        var request = _api.Requests.Single();
        Assert.Equal(MethodUrl("sendDocument"), request.Uri.ToString());
        var parts = await MultipartParts.ReadAsync(request);
        Assert.Equal("42", parts["chat_id"].Text);
        var attached = parts[parts["document"].Text["attach://".Length..]];
        Assert.Equal("rekap-2026-01.pdf", attached.FileName);
        Assert.Equal("%PDF-1.7 rekap", attached.Text);
        Assert.Equal("Rekap <b>Januari</b>", parts["caption"].Text);
        Assert.Equal("html", parts["parse_mode"].Text.ToLowerInvariant());
        Assert.Contains("\"callback_data\":\"ok:1\"", parts["reply_markup"].Text);
    }

    [Fact]
    public async Task Removing_buttons_sends_the_message_without_a_keyboard()
    {
        var edit = _sender.EditMessageReplyMarkupAsync(42, 99, null);
        await FakeClockPump.RunUntilCompletedAsync(_clock, edit);
        await edit;

        var body = _api.Requests.Single().Json();
        Assert.Equal(99, body.GetProperty("message_id").GetInt32());
        Assert.False(body.TryGetProperty("reply_markup", out _));
    }

    [Fact]
    public void A_button_action_over_64_bytes_is_refused_before_anything_is_sent()
    {
        // 22 three-byte characters: 22 characters but 66 bytes.
        var message = OutgoingMessage.Plain("Pilih") with { Choices = [[new("Setujui", new string('\u20AC', 22))]] };

        Assert.Throws<ArgumentException>(() => TelegramRenderer.Markup(message));
    }

    private async Task SendAsync(OutgoingMessage message)
    {
        var send = _sender.SendMessageAsync(42, TelegramRenderer.Html(message.Text), ParseMode.Html, TelegramRenderer.Markup(message));
        await FakeClockPump.RunUntilCompletedAsync(_clock, send);
        await send;
    }
}
