using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using KinerjaBot.Sandbox.WhatsApp;

namespace KinerjaBot.Tests.Sandbox;

/// <summary>The WhatsApp double's Graph endpoints refuse what the Cloud API refuses, with its codes and error shape.</summary>
public sealed class WhatsAppGraphTests : WhatsAppTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Ani.SendTextAsync("Halo");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-token")]
    [InlineData("SANDBOX-wa-token")]
    public async Task A_call_without_the_right_bearer_token_is_refused_as_an_invalid_oauth_token(string? authorization)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Graph.MessagesUrl) { Content = JsonContent.Create(Text("Halo")) };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = RawGraphApi.ErrorShape(await RawBotApi.ReadAsync(response), 190);
        Assert.Equal("OAuthException", error["type"]!.GetValue<string>());
        Assert.Equal("Invalid OAuth access token - Cannot parse access token", error["message"]!.GetValue<string>());
        Assert.DoesNotContain(Ani.Messages, m => m.Sender == WhatsAppChatSender.Bot);
    }

    [Fact]
    public async Task A_text_inside_the_window_reaches_the_person_and_is_answered_with_a_wamid()
    {
        var (status, body) = await Graph.SendAsync(Text("Selamat pagi, Ibu Ani.", to: "+" + AniWaId));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("whatsapp", body["messaging_product"]!.GetValue<string>());
        Assert.Equal("+" + AniWaId, body["contacts"]![0]!["input"]!.GetValue<string>());
        Assert.Equal(AniWaId, body["contacts"]![0]!["wa_id"]!.GetValue<string>());
        var id = body["messages"]![0]!["id"]!.GetValue<string>();
        Assert.StartsWith("wamid.", id, StringComparison.Ordinal);
        var shown = Assert.Single(Ani.Messages, m => m.Sender == WhatsAppChatSender.Bot);
        Assert.Equal(("Selamat pagi, Ibu Ani.", id), (shown.Text, shown.Id));
        Assert.Contains(WhatsApp.RequestLog, r => r.Path.EndsWith("/messages", StringComparison.Ordinal) && r.StatusCode == 200 && r.MessageType == "text");
    }

    [Fact]
    public async Task A_text_over_4096_characters_is_refused_but_4096_is_fine()
    {
        var error = await Graph.RefusedAsync(Text(new string('a', 4097)), 131009);

        Assert.Contains("text.body", RawGraphApi.Details(error), StringComparison.Ordinal);
        await Graph.AcceptedAsync(Text(new string('a', 4096)));
        Assert.Single(Ani.Messages, m => m.Sender == WhatsAppChatSender.Bot);
        Assert.Contains(WhatsApp.RequestLog, r => r.ErrorCode == 131009 && r.StatusCode == 400);
    }

    [Fact]
    public async Task Three_reply_buttons_with_twenty_character_titles_are_shown_under_the_message()
    {
        await Graph.AcceptedAsync(Buttons("Setujui laporan?", ("a", new string('S', 20)), ("b", "Kembalikan"), (new string('i', 256), "Nanti")));

        var shown = Ani.LastBotMessage!;
        Assert.Equal("Setujui laporan?", shown.Text);
        Assert.Equal([new string('S', 20), "Kembalikan", "Nanti"], shown.Buttons.Select(b => b.Title));
    }

    public static TheoryData<string, object> BrokenButtonMessages => new()
    {
        { "buttons", Buttons("Pilih", ("a", "Satu"), ("b", "Dua"), ("c", "Tiga"), ("d", "Empat")) },
        { "buttons", Buttons("Pilih") },
        { "reply.title", Buttons("Pilih", ("a", new string('x', 21))) },
        { "reply.id", Buttons("Pilih", (new string('x', 257), "Satu")) },
        { "unique", Buttons("Pilih", ("a", "Sama"), ("b", "Sama")) },
        { "body.text", Buttons(new string('x', 1025), ("a", "Satu")) },
    };

    [Theory]
    [MemberData(nameof(BrokenButtonMessages))]
    public async Task Reply_buttons_outside_the_limits_are_refused_naming_the_field(string field, object message)
    {
        var error = await Graph.RefusedAsync(message, 131009);

        Assert.Contains(field, RawGraphApi.Details(error), StringComparison.Ordinal);
        Assert.DoesNotContain(Ani.Messages, m => m.Sender == WhatsAppChatSender.Bot);
    }

    [Fact]
    public async Task A_list_of_ten_rows_in_sections_opens_with_its_button()
    {
        var rows = Enumerable.Range(1, 10).Select(i => ($"r{i}", $"Indikator {i}".PadRight(24, '.'), (string?)new string('d', 72))).ToArray();

        await Graph.AcceptedAsync(List("Pilih indikator", new string('B', 20), ("Bagian satu", rows[..4]), ("Bagian dua", rows[4..])));

        var shown = Ani.LastBotMessage!;
        Assert.Equal(new string('B', 20), shown.ListButton);
        Assert.Equal(10, shown.ListRows.Count);
        Assert.Equal("Bagian dua", shown.ListRows[^1].SectionTitle);
    }

    public static TheoryData<string, object> BrokenListMessages => new()
    {
        { "rows in total", List("Pilih", "Buka", ("A", Rows(6)), ("B", Rows(5, from: 6))) },
        { "rows[0].title", List("Pilih", "Buka", ("A", [("r", new string('t', 25), null)])) },
        { "rows[0].description", List("Pilih", "Buka", ("A", [("r", "Satu", new string('d', 73))])) },
        { "rows[0].id", List("Pilih", "Buka", ("A", [(new string('i', 201), "Satu", null)])) },
        { "action.button", List("Pilih", new string('b', 21), ("A", Rows(1))) },
        { "body.text", List(new string('x', 4097), "Buka", ("A", Rows(1))) },
        { "sections", List("Pilih", "Buka", [.. Enumerable.Range(0, 11).Select(s => ($"S{s}", Rows(1, from: s)))]) },
        { "sections[0].title", List("Pilih", "Buka", (new string('s', 25), Rows(1)), ("B", Rows(1, from: 1))) },
    };

    [Theory]
    [MemberData(nameof(BrokenListMessages))]
    public async Task Lists_outside_the_limits_are_refused_naming_the_field(string field, object message)
    {
        var error = await Graph.RefusedAsync(message, 131009);

        Assert.Contains(field, RawGraphApi.Details(error), StringComparison.Ordinal);
        Assert.DoesNotContain(Ani.Messages, m => m.Sender == WhatsAppChatSender.Bot);
    }

    [Fact]
    public async Task A_document_caption_over_1024_characters_is_refused()
    {
        var media = await Graph.UploadAsync("%PDF-1.4 laporan"u8.ToArray(), "application/pdf", "laporan.pdf");

        var error = await Graph.RefusedAsync(Document(media, new string('c', 1025)), 131009);

        Assert.Contains("document.caption", RawGraphApi.Details(error), StringComparison.Ordinal);
        await Graph.AcceptedAsync(Document(media, new string('c', 1024)));
    }

    [Fact]
    public async Task A_document_sent_by_media_id_arrives_with_its_name_and_bytes()
    {
        var pdf = "%PDF-1.4 laporan kinerja Oktober"u8.ToArray();
        var media = await Graph.UploadAsync(pdf, "application/pdf", "upload.pdf");

        await Graph.AcceptedAsync(Document(media, "Laporan Oktober", "Laporan-Oktober.pdf"));

        var shown = Ani.LastBotMessage!;
        Assert.Equal(("document", "Laporan-Oktober.pdf", "Laporan Oktober"), (shown.Type, shown.DocumentFileName, shown.Text));
        Assert.Equal(pdf, shown.ReadDocument());
    }

    [Fact]
    public async Task Uploaded_media_can_be_looked_up_and_downloaded_with_the_token_only()
    {
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3, 4 };
        var media = await Graph.UploadAsync(png, "image/png", "bukti.png");

        var lookup = await Graph.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"{Graph.BaseUrl}/v21.0/{media}");
        var url = lookup!["url"]!.GetValue<string>();
        var downloaded = await Graph.Http.GetByteArrayAsync(url);
        using var anonymous = new HttpClient();
        using var refused = await anonymous.GetAsync(url);

        Assert.Equal($"{Server.BaseUrl}/whatsapp/media-download/{media}", url);
        Assert.Equal("image/png", lookup["mime_type"]!.GetValue<string>());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(png)), lookup["sha256"]!.GetValue<string>());
        Assert.Equal(png.Length, lookup["file_size"]!.GetValue<int>());
        Assert.Equal(png, downloaded);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        RawGraphApi.ErrorShape(await RawBotApi.ReadAsync(refused), 190);
    }

    [Fact]
    public async Task An_upload_of_an_unsupported_type_is_refused_as_a_media_upload_error()
    {
        using var form = new MultipartFormDataContent();
        using var file = new ByteArrayContent([1, 2, 3]);
        form.Add(file, "file", "program.exe");
        form.Add(new StringContent("application/x-msdownload"), "type");
        form.Add(new StringContent("whatsapp"), "messaging_product");

        using var response = await Graph.Http.PostAsync($"{Graph.BaseUrl}/v21.0/{WhatsApp.Options.PhoneNumberId}/media", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        RawGraphApi.ErrorShape(await RawBotApi.ReadAsync(response), 131053);
    }

    [Fact]
    public async Task Unknown_media_and_another_phone_number_id_are_unknown_objects()
    {
        using var lookup = await Graph.Http.GetAsync($"{Graph.BaseUrl}/v21.0/7999999999999999");
        using var send = await Graph.Http.PostAsJsonAsync($"{Graph.BaseUrl}/v21.0/999/messages", Text("Halo"));

        RawGraphApi.ErrorShape(await RawBotApi.ReadAsync(lookup), 100);
        RawGraphApi.ErrorShape(await RawBotApi.ReadAsync(send), 100);
        Assert.Equal(HttpStatusCode.BadRequest, send.StatusCode);
    }

    [Fact]
    public async Task A_text_to_someone_who_never_wrote_is_accepted_but_fails_as_a_re_engagement_message()
    {
        WhatsApp.AddUser("6289876543210", "Budi Santoso");

        var id = await Graph.AcceptedAsync(Text("Halo", to: "6289876543210"));

        Assert.Equal(131047, Assert.Single(WhatsApp.SentMessages, m => m.Id == id).FailureCode);
        Assert.Empty(WhatsApp.GetUser("6289876543210").Messages);
    }

    [Fact]
    public async Task After_24_hours_of_silence_only_a_template_gets_through_and_its_button_reopens_the_window()
    {
        Clock.Advance(TimeSpan.FromHours(24));

        var late = await Graph.AcceptedAsync(Buttons("Isi sekarang?", ("a", "Ya")));
        await Graph.AcceptedAsync(Template("pengingat_kinerja", "buka", "Bapak/Ibu Ani", "Oktober 2026"));
        var template = Ani.LastBotMessage!;
        await Ani.PressTemplateButtonAsync("buka");
        await Graph.AcceptedAsync(Text("Silakan lanjut."));

        Assert.Equal(131047, WhatsApp.SentMessages.Single(m => m.Id == late).FailureCode);
        Assert.DoesNotContain(Ani.Messages, m => m.Id == late);
        Assert.Equal(("pengingat_kinerja", "id", null), (template.TemplateName, template.TemplateLanguage, template.FailureCode));
        Assert.Equal(["Bapak/Ibu Ani", "Oktober 2026"], template.TemplateParameters);
        Assert.Equal("Silakan lanjut.", Ani.LastBotMessage!.Text);
    }

    [Fact]
    public async Task Just_inside_the_window_a_normal_message_still_goes()
    {
        Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));

        var id = await Graph.AcceptedAsync(Text("Masih sempat."));

        Assert.Contains(Ani.Messages, m => m.Id == id);
    }

    [Fact]
    public async Task A_template_that_is_not_approved_is_refused()
    {
        var error = await Graph.RefusedAsync(Template("promosi", "x"), 132001, HttpStatusCode.NotFound);

        Assert.Contains("promosi", RawGraphApi.Details(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_message_type_is_refused()
    {
        await Graph.RefusedAsync(new { messaging_product = "whatsapp", to = AniWaId, type = "sticker", sticker = new { id = "1" } }, 131051);
    }

    [Fact]
    public async Task An_injected_rate_limit_answers_429_with_130429_once_and_the_retry_goes_through()
    {
        WhatsApp.InjectFault("messages", KinerjaBot.Sandbox.BotApiFault.TooManyRequests(1));

        var error = await Graph.RefusedAsync(Text("Satu"), 130429, HttpStatusCode.TooManyRequests);
        await Graph.AcceptedAsync(Text("Satu"));

        Assert.Contains("Rate limit hit", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(Ani.Messages, m => m.Sender == WhatsAppChatSender.Bot);
    }

    [Fact]
    public async Task An_injected_server_error_is_an_html_page_and_a_dropped_response_still_delivers_the_message()
    {
        WhatsApp.InjectFault("messages", KinerjaBot.Sandbox.BotApiFault.ServerError());
        WhatsApp.InjectFault("messages", KinerjaBot.Sandbox.BotApiFault.DropResponse());

        using var failing = await Graph.Http.PostAsJsonAsync(Graph.MessagesUrl, Text("Satu"));
        await Assert.ThrowsAsync<HttpRequestException>(() => Graph.Http.PostAsJsonAsync(Graph.MessagesUrl, Text("Dua")));

        Assert.Equal(HttpStatusCode.BadGateway, failing.StatusCode);
        Assert.Equal("text/html", failing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["Dua"], Ani.Messages.Where(m => m.Sender == WhatsAppChatSender.Bot).Select(m => m.Text));
        Assert.Contains(WhatsApp.RequestLog, r => r.StatusCode is null);
    }

    private static (string, string, string?)[] Rows(int count, int from = 0) =>
        [.. Enumerable.Range(from, count).Select(i => ($"r{i}", $"Baris {i}", (string?)null))];

    private static object Document(string mediaId, string caption, string fileName = "laporan.pdf") => new
    {
        messaging_product = "whatsapp",
        to = AniWaId,
        type = "document",
        document = new { id = mediaId, filename = fileName, caption },
    };
}
