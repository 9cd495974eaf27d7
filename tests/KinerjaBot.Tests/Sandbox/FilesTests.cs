using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace KinerjaBot.Tests.Sandbox;

public sealed class FilesTests : SandboxTestBase
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8, .. Enumerable.Range(0, 3000).Select(i => (byte)(i % 251))];

    // A 2×3 PNG header is all the sandbox needs to report the photo's size.
    private static readonly byte[] Png =
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
        0, 0, 0, 2, 0, 0, 0, 3, 8, 2, 0, 0, 0, 1, 2, 3,
    ];

    private async Task<JsonObject> SendDocumentAsync(byte[] bytes, string fileName, string? caption = null, string? replyMarkup = null)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(AniId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "chat_id");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "document", fileName);
        if (caption is not null)
        {
            form.Add(new StringContent(caption), "caption");
        }

        if (replyMarkup is not null)
        {
            form.Add(new StringContent(replyMarkup), "reply_markup");
        }

        using var response = await Api.Http.PostAsync(Api.MethodUrl("sendDocument"), form);
        return await RawBotApi.ReadAsync(response);
    }

    private async Task<byte[]> DownloadAsync(string fileId)
    {
        var file = await Api.ResultAsync("getFile", new { file_id = fileId });
        var path = file["file_path"]!.GetValue<string>();
        return await Api.Http.GetByteArrayAsync($"{Server.BaseUrl}/file/bot{Server.Token}/{path}");
    }

    [Fact]
    public async Task A_document_pointing_at_a_part_that_is_not_in_the_request_is_refused()
    {
        await StartChatAsync(Ani);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(AniId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "chat_id" },
            { new StringContent("attach://1"), "document" },
            { new ByteArrayContent(Pdf), "0", "rekap.pdf" },
        };

        using var response = await Api.Http.PostAsync(Api.MethodUrl("sendDocument"), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Bad Request: wrong file identifier/HTTP URL specified", (await RawBotApi.ReadAsync(response))["description"]!.GetValue<string>());
        Assert.DoesNotContain(Ani.Messages, m => m.Document is not null);
    }

    [Fact]
    public async Task A_document_the_bot_uploads_is_stored_and_downloads_with_the_same_bytes()
    {
        await StartChatAsync(Ani);

        var body = await SendDocumentAsync(Pdf, "rekap-oktober.pdf", "Rekap Oktober", """{"inline_keyboard":[[{"text":"Tandatangani","callback_data":"sign:3"}]]}""");

        Assert.True(body["ok"]!.GetValue<bool>(), body.ToJsonString());
        var document = body["result"]!["document"]!;
        Assert.Equal("rekap-oktober.pdf", document["file_name"]!.GetValue<string>());
        Assert.Equal("application/pdf", document["mime_type"]!.GetValue<string>());
        Assert.Equal(Pdf.Length, document["file_size"]!.GetValue<long>());
        Assert.False(string.IsNullOrEmpty(document["file_unique_id"]!.GetValue<string>()));
        Assert.Equal("Rekap Oktober", body["result"]!["caption"]!.GetValue<string>());

        var fileId = document["file_id"]!.GetValue<string>();
        Assert.Equal(Pdf, await DownloadAsync(fileId));
        Assert.Equal(Pdf, Server.ReadFile(fileId));

        var stored = Server.LastBotMessage(AniId)!;
        Assert.Equal(("rekap-oktober.pdf", "Rekap Oktober", "sign:3"), (stored.Document!.FileName, stored.Caption, stored.FindButton("Tandatangani")!.CallbackData));
    }

    [Fact]
    public async Task A_document_can_be_sent_again_by_its_file_id()
    {
        await StartChatAsync(Ani);
        var fileId = (await SendDocumentAsync(Pdf, "a.pdf"))["result"]!["document"]!["file_id"]!.GetValue<string>();

        var again = await Api.ResultAsync("sendDocument", new { chat_id = AniId, document = fileId });

        Assert.Equal(fileId, again["document"]!["file_id"]!.GetValue<string>());
        var error = await Api.ErrorAsync("sendDocument", new { chat_id = AniId, document = "no-such-file" }, 400);
        Assert.Equal("Bad Request: wrong file identifier/HTTP URL specified", error["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_document_request_without_a_document_is_refused()
    {
        await StartChatAsync(Ani);

        var error = await Api.ErrorAsync("sendDocument", new { chat_id = AniId }, 400);

        Assert.Equal("Bad Request: there is no document in the request", error["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_photo_a_user_sends_can_be_downloaded_by_the_bot()
    {
        var updateId = await Ani.SendPhotoAsync(Png, caption: "bukti kegiatan");

        var message = Assert.Single(await Api.GetUpdatesAsync(offset: updateId))!["message"]!;
        var photo = message["photo"]!.AsArray()[^1]!;
        Assert.Equal((2, 3), (photo["width"]!.GetValue<int>(), photo["height"]!.GetValue<int>()));
        Assert.Equal("bukti kegiatan", message["caption"]!.GetValue<string>());
        Assert.Equal(Png, await DownloadAsync(photo["file_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_document_a_user_sends_can_be_downloaded_by_the_bot()
    {
        var updateId = await Ani.SendDocumentAsync(Pdf, "bukti.pdf", "application/pdf");

        var document = Assert.Single(await Api.GetUpdatesAsync(offset: updateId))!["message"]!["document"]!;

        Assert.Equal(("bukti.pdf", "application/pdf"), (document["file_name"]!.GetValue<string>(), document["mime_type"]!.GetValue<string>()));
        Assert.Equal(Pdf, await DownloadAsync(document["file_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Unknown_files_are_refused()
    {
        var error = await Api.ErrorAsync("getFile", new { file_id = "nope" }, 400);
        Assert.Equal("Bad Request: invalid file_id", error["description"]!.GetValue<string>());

        using var response = await Api.Http.GetAsync($"{Server.BaseUrl}/file/bot{Server.Token}/documents/nope.pdf");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var wrongToken = await Api.Http.GetAsync($"{Server.BaseUrl}/file/bot1:wrong/documents/nope.pdf");
        Assert.Equal(HttpStatusCode.Unauthorized, wrongToken.StatusCode);
    }
}
