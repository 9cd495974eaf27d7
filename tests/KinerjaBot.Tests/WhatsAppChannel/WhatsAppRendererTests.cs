using KinerjaBot.Messaging;
using KinerjaBot.WhatsApp;
using KinerjaBot.WhatsAppChannel;

namespace KinerjaBot.Tests.WhatsAppChannel;

public sealed class WhatsAppRendererTests
{
    [Fact]
    public void Three_choices_become_reply_buttons_with_their_actions_as_ids()
    {
        var message = Message("Data sudah lengkap.", "Kirim", "Ubah IKU-2", "Batal");

        var part = Assert.Single(WhatsAppRenderer.Render(message, "6281200000107"));

        Assert.Equal("button", part.Message!.Interactive!.Type);
        Assert.Equal(["Kirim", "Ubah IKU-2", "Batal"], part.Message.Interactive.Action.Buttons!.Select(b => b.Reply.Title));
        Assert.Equal(["a:Kirim", "a:Ubah IKU-2", "a:Batal"], part.Message.Interactive.Action.Buttons!.Select(b => b.Reply.Id));
    }

    [Fact]
    public void A_step_with_more_than_three_choices_becomes_a_list_and_more_than_ten_a_second_list()
    {
        var labels = Enumerable.Range(1, 12).Select(i => $"Kembalikan ke Seksi Kesejahteraan Sosial {i}").ToArray();

        var parts = WhatsAppRenderer.Render(Message("Kembalikan ke mana?", labels), "6281200000107");

        Assert.Equal(["list", "list"], parts.Select(p => p.Message!.Interactive!.Type));
        var rows = parts.SelectMany(p => p.Message!.Interactive!.Action.Sections!.SelectMany(s => s.Rows)).ToList();
        Assert.Equal(12, rows.Count);
        Assert.All(rows, r => Assert.InRange(r.Title.Length, 1, WhatsAppLimits.MaxRowTitleLength));
        Assert.Equal(12, rows.Select(r => r.Title).Distinct().Count());
        Assert.All(rows, r => Assert.StartsWith("Kembalikan ke Seksi Kesejahteraan", r.Description));
        Assert.Equal(WhatsAppRenderer.ListButton, parts[0].Message!.Interactive!.Action.Button);
    }

    [Fact]
    public void Bold_runs_become_whatsapp_stars_around_the_words_only()
    {
        var text = new MessageText().Plain("Nilai ").Bold("IKU-2 ").Plain("tercatat.").Spans;

        Assert.Equal("Nilai *IKU-2* tercatat.", WhatsAppRenderer.Format(text));
    }

    [Fact]
    public void A_document_is_uploaded_first_and_its_buttons_follow_it()
    {
        var message = Message("Draf laporan", "Setujui", "Kembalikan") with { DocumentPath = "/data/laporan.pdf", DocumentName = "laporan.pdf" };

        var parts = WhatsAppRenderer.Render(message, "6281200000107");

        Assert.Equal("/data/laporan.pdf", parts[0].DocumentPath);
        Assert.Equal("Draf laporan", parts[0].Caption);
        Assert.Equal(["Setujui", "Kembalikan"], parts[1].Message!.Interactive!.Action.Buttons!.Select(b => b.Reply.Title));
    }

    [Fact]
    public void A_document_without_text_is_sent_without_an_empty_message_after_it()
    {
        var message = new OutgoingMessage { Text = [], DocumentPath = "/data/laporan.pdf", DocumentName = "laporan.pdf" };

        var part = Assert.Single(WhatsAppRenderer.Render(message, "6281200000107"));

        Assert.Equal("/data/laporan.pdf", part.DocumentPath);
        Assert.Null(part.Caption);
    }

    [Fact]
    public void A_text_longer_than_a_whatsapp_message_is_split_at_line_breaks()
    {
        var line = new string('x', 1000);
        var message = OutgoingMessage.Plain(string.Join("\n", Enumerable.Repeat(line, 6)));

        var parts = WhatsAppRenderer.Render(message, "6281200000107");

        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.InRange(p.Message!.Text!.Body.Length, 1, WhatsAppLimits.MaxTextLength));
    }

    private static OutgoingMessage Message(string text, params string[] labels) =>
        OutgoingMessage.Plain(text) with { Choices = [[.. labels.Select(l => new Choice(l, "a:" + l))]] };
}
