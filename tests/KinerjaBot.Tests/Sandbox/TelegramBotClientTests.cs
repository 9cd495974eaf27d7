using KinerjaBot.Sandbox;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace KinerjaBot.Tests.Sandbox;

/// <summary>
/// The real Telegram.Bot client against the sandbox: what it puts on the wire (multipart parts named <c>0</c> with
/// <c>attach://0</c>, chunked bodies without Content-Length, <c>"parse_mode":"Html"</c>) must work as on Telegram.
/// </summary>
public sealed class TelegramBotClientTests : SandboxTestBase
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8, .. Enumerable.Range(0, 5000).Select(i => (byte)(i % 241))];

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };

    private TelegramBotClient Bot => new(new TelegramBotClientOptions(Server.Token, Server.BaseUrl) { RetryThreshold = 0 }, _http);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await StartChatAsync(Ani);
    }

    [Fact]
    public async Task A_document_sent_as_a_chunked_upload_reaches_the_user_with_its_name_and_bytes()
    {
        // A stream that cannot seek has no known length, so the client sends the body chunked.
        await using var content = new UnseekableStream(Pdf);

        var sent = await Bot.SendDocument(AniId, InputFile.FromStream(content, "rekap-TW3.pdf"), caption: "<b>Rekap</b> TW3", parseMode: ParseMode.Html);

        var received = await Ani.WaitForReplyAsync(m => m.Document is not null, Patience);
        Assert.Equal("rekap-TW3.pdf", received.Document!.FileName);
        Assert.Equal("application/pdf", received.Document.MimeType);
        Assert.Equal("Rekap TW3", received.Caption);
        Assert.Equal(Pdf, Server.ReadFile(received.Document.FileId));
        Assert.Equal(received.MessageId, sent.MessageId);
        Assert.Equal("rekap-TW3.pdf", sent.Document!.FileName);
        Assert.Equal(Pdf.Length, sent.Document.FileSize);
        Assert.Null(Server.RequestLog.Single(r => r.Method == "sendDocument").ErrorDescription);
    }

    [Fact]
    public async Task A_document_sent_again_by_its_file_id_needs_no_upload()
    {
        var first = await Bot.SendDocument(AniId, InputFile.FromStream(new MemoryStream(Pdf), "rekap.pdf"));

        var again = await Bot.SendDocument(AniId, InputFile.FromFileId(first.Document!.FileId));

        Assert.Equal(first.Document.FileId, again.Document!.FileId);
        Assert.Equal(2, Ani.Messages.Count(m => m.Document?.FileName == "rekap.pdf"));
    }

    [Fact]
    public async Task Html_spelled_as_the_client_spells_it_formats_the_message()
    {
        var sent = await Bot.SendMessage(AniId, "<b>Halo</b> Ani &amp; tim", ParseMode.Html);

        var received = await Ani.WaitForReplyAsync(m => m.Text is not null, Patience);
        Assert.Equal("Halo Ani & tim", received.Text);
        Assert.Equal("<b>Halo</b> Ani &amp; tim", received.RawText);
        Assert.Equal("Halo Ani & tim", sent.Text);
        Assert.Equal("Html", Server.RequestLog.Single(r => r.Method == "sendMessage").Parameter("parse_mode"));
    }

    [Fact]
    public async Task Broken_html_is_refused_whatever_the_parse_mode_spelling()
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(AniId, "<b>Halo", ParseMode.Html));

        Assert.Equal(400, error.ErrorCode);
        Assert.StartsWith("Bad Request: can't parse entities", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Ani.Messages, m => m.Sender == ChatMessageSender.Bot);
    }

    [Fact]
    public async Task A_newer_getUpdates_ends_the_older_long_poll_with_409_conflict()
    {
        var older = Bot.GetUpdates(timeout: 30);
        await Server.WaitForLongPollAsync(Patience);

        var newer = Bot.GetUpdates(timeout: 30);
        var conflict = await Assert.ThrowsAsync<ApiRequestException>(() => older.WaitAsync(Patience));

        Assert.Equal(409, conflict.ErrorCode);
        Assert.Equal("Conflict: terminated by other getUpdates request; make sure that only one bot instance is running", conflict.Message);
        var updateId = await Ani.SendTextAsync("masih di sini");
        var updates = await newer.WaitAsync(Patience);
        Assert.Equal(updateId, Assert.Single(updates).Id);
    }

    [Fact]
    public async Task A_button_press_arrives_as_a_callback_query_the_client_can_answer()
    {
        var keyboard = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Setujui", "approve:7"));
        var sent = await Bot.SendMessage(AniId, "Setujui data?", replyMarkup: keyboard);
        var pressId = await Ani.PressButtonAsync("Setujui");

        var update = Assert.Single(await Bot.GetUpdates(offset: (int)pressId));
        await Bot.AnswerCallbackQuery(update.CallbackQuery!.Id, "Disetujui");

        Assert.Equal(UpdateType.CallbackQuery, update.Type);
        Assert.Equal("approve:7", update.CallbackQuery.Data);
        Assert.Equal(AniId, update.CallbackQuery.From.Id);
        Assert.Equal(sent.MessageId, update.CallbackQuery.Message!.MessageId);
        Assert.Equal("Disetujui", Assert.Single(Server.CallbackAnswers).Text);
    }

    [Fact]
    public async Task A_users_photo_and_contact_read_as_telegram_types_and_the_photo_downloads()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 2, 0, 0, 0, 3, 8, 2, 0, 0, 0];
        var photoId = await Ani.SendPhotoAsync(png, "bukti");
        await Ani.ShareContactAsync();

        var updates = await Bot.GetUpdates(offset: (int)photoId);
        var photo = updates[0].Message!.Photo!.Single();
        var contact = updates[1].Message!.Contact!;
        var file = await Bot.GetFile(photo.FileId);
        using var downloaded = new MemoryStream();
        await Bot.DownloadFile(file, downloaded);

        Assert.Equal((2, 3), (photo.Width, photo.Height));
        Assert.Equal("bukti", updates[0].Message!.Caption);
        Assert.Equal(png, downloaded.ToArray());
        Assert.Equal("6281234567890", contact.PhoneNumber);
        Assert.Equal(AniId, contact.UserId);
        Assert.Equal(ChatType.Private, updates[1].Message!.Chat.Type);
    }

    public override async Task DisposeAsync()
    {
        _http.Dispose();
        await base.DisposeAsync();
    }

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
