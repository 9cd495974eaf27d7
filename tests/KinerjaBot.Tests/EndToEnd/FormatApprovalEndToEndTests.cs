using KinerjaBot.Actions;
using KinerjaBot.Domain;
using KinerjaBot.Sandbox;
using KinerjaBot.Tests.Reports.Pdf;
using KinerjaBot.Tests.Support;
using KinerjaBot.Workflow;

namespace KinerjaBot.Tests.EndToEnd;

/// <summary>
/// The format approval over real HTTP (<c>format_approval: on</c>): /buka drafts the format, the planning official
/// returns it with a reason, the operator sends the correction with /format, the secretary initials, the head signs,
/// and only then does every unit head get the opening prompt with the numbered Surat Pemberitahuan.
/// </summary>
public sealed class FormatApprovalEndToEndTests : IAsyncLifetime
{
    private readonly TempDirectory _config = new();

    private BotHarness _bot = null!;

    private SimulatedUser Operator => _bot.Official("staf-pk");

    private SimulatedUser Kasubbag => _bot.Official("kasubbag-pk");

    private SimulatedUser Sekcam => _bot.Official("sekcam");

    private SimulatedUser Camat => _bot.Official("camat");

    private static int Year => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, SampleOffice.Configuration.Office.TimeZone).Year;

    public async Task InitializeAsync()
    {
        SampleOffice.CopyTo(_config.Path);
        await File.AppendAllTextAsync(Path.Combine(_config.Path, "office.yaml"), "\nformat_approval: on\n");
        _bot = await BotHarness.StartAsync(configDirectory: _config.Path);
        foreach (var official in SampleOffice.Configuration.Officials)
        {
            await _bot.RegisterAsync(official.Id);
        }
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _config.Dispose();
    }

    [Fact]
    public async Task A_returned_and_corrected_format_is_initialled_and_signed_and_only_then_every_unit_head_gets_the_numbered_letter()
    {
        var period = Period.Quarter(2026, 3);
        await Operator.SendTextAsync($"/buka {period.Id}");
        var started = await Operator.WaitForReplyAsync(m => m.Content.Contains("Draf format data kinerja"), BotHarness.Patience);
        Assert.Contains("dikirim kepada Hendra Saputra, S.E. untuk diperiksa", started.Content);

        // The draft goes to the planning official; nobody is asked to fill yet.
        var draft = await Kasubbag.WaitForReplyAsync(m => m.FindButton(FormatApprovalWorkflow.ReviewLabel) is not null && m.Document is not null, BotHarness.Patience);
        Assert.Contains("Draf format data kinerja Kecamatan Sukamaju — Triwulan III 2026", draft.Content);
        var draftText = TextOf(_bot.Server.ReadFile(draft.Document!.FileId));
        Assert.Contains("DRAF FORMAT DATA KINERJA KECAMATAN SUKAMAJU TRIWULAN III 2026", draftText);
        Assert.Contains("Seksi Pemerintahan", draftText);
        Assert.Contains("IKU-1", draftText);
        Assert.Contains("Batas waktu pengisian: 3 hari kerja sejak format ini ditandatangani", draftText);
        Assert.Empty(await SubmissionsAsync(period));

        // /status and /bantuan name the step and who holds it.
        await Operator.SendTextAsync("/status");
        var status = await Operator.WaitForReplyAsync(m => m.Content.Contains("Status Triwulan III 2026"), BotHarness.Patience);
        Assert.Contains("Format data: pemeriksaan draf format — Hendra Saputra, S.E.", status.Content);
        await Kasubbag.SendTextAsync("/bantuan");
        var help = await Kasubbag.WaitForReplyAsync(m => m.Content.Contains("Saat ini Bapak/Ibu perlu"), BotHarness.Patience);
        Assert.Contains("pemeriksaan draf format Triwulan III 2026", help.Content);

        // A unit head pressing the planning official's button is refused, and nothing moves.
        await PressAndWaitForAnswerAsync(_bot.Official("kasi-pem"), _bot.Official("kasi-pem").LastBotMessage!.MessageId, draft.FindButton(FormatApprovalWorkflow.ReviewLabel)!.CallbackData!);
        Assert.Equal(BotTexts.NotYourButton, _bot.Server.CallbackAnswers.Last().Text);

        // Kembalikan needs a reason the operator can act on.
        await Kasubbag.PressButtonAsync(draft.MessageId, draft.FindButton(BotTexts.Return)!.CallbackData!);
        await Kasubbag.WaitForReplyAsync(m => m.Content.Contains("alasan pengembalian draf format Triwulan III 2026"), BotHarness.Patience);
        await Kasubbag.SendTextAsync("salah");
        await Kasubbag.WaitForReplyAsync(m => m.Content.Contains("Alasan terlalu singkat"), BotHarness.Patience);
        const string reason = "Target IKU-1 triwulan III mohon disesuaikan dengan Renja";
        await Kasubbag.SendTextAsync(reason);
        await Kasubbag.WaitForReplyAsync(m => m.Content.Contains("dikembalikan kepada operator"), BotHarness.Patience);
        Assert.Empty(Kasubbag.Messages.Single(m => m.MessageId == draft.MessageId).Buttons);

        var returned = await Operator.WaitForReplyAsync(m => m.Content.Contains("Draf format Triwulan III 2026 dikembalikan"), BotHarness.Patience);
        Assert.Contains($"Alasan: {reason}", returned.Content);
        Assert.Contains("/format", returned.Content);
        Assert.NotNull(returned.FindButton(FormatApprovalWorkflow.ResendLabel));

        // The operator sends the corrected draft; the first draft's Setujui is stale now.
        await Operator.SendTextAsync("/format");
        await Operator.WaitForReplyAsync(m => m.Content.Contains("Draf format perbaikan Triwulan III 2026 telah dikirim kepada Hendra Saputra"), BotHarness.Patience);
        var corrected = await Kasubbag.WaitForReplyAsync(m => m.MessageId > draft.MessageId && m.FindButton(FormatApprovalWorkflow.ReviewLabel) is not null, BotHarness.Patience);
        Assert.Contains("(perbaikan ke-1)", corrected.Content);
        Assert.Contains(reason, corrected.Content);
        await PressAndWaitForAnswerAsync(Kasubbag, draft.MessageId, draft.FindButton(FormatApprovalWorkflow.ReviewLabel)!.CallbackData!);
        Assert.StartsWith("Sudah diproses", _bot.Server.CallbackAnswers.Last().Text);

        await Kasubbag.PressButtonAsync(corrected.MessageId, corrected.FindButton(FormatApprovalWorkflow.ReviewLabel)!.CallbackData!);
        var paraf = await Sekcam.WaitForReplyAsync(m => m.FindButton(FormatApprovalWorkflow.ParafLabel) is not null && m.Content.Contains("Draf format"), BotHarness.Patience);
        Assert.Contains("Sudah disetujui oleh Hendra Saputra, S.E.", paraf.Content);
        Assert.Contains("Batas waktu:", paraf.Content);
        await Sekcam.PressButtonAsync(paraf.MessageId, paraf.FindButton(FormatApprovalWorkflow.ParafLabel)!.CallbackData!);
        var signature = await Camat.WaitForReplyAsync(m => m.FindButton(FormatApprovalWorkflow.SignLabel) is not null && m.Content.Contains("Draf format"), BotHarness.Patience);
        Assert.Contains("Sudah diparaf oleh Ratna Kusumawardani, S.IP.", signature.Content);
        Assert.Empty(await SubmissionsAsync(period));
        await Camat.PressButtonAsync(signature.MessageId, signature.FindButton(FormatApprovalWorkflow.SignLabel)!.CallbackData!);

        var number = $"050/1/KEC-SUKAMAJU/{Year}";
        var signed = await Camat.WaitForReplyAsync(m => m.Content.Contains($"Surat Pemberitahuan Nomor {number}") && m.Document is not null, BotHarness.Patience);
        var letter = _bot.Server.ReadFile(signed.Document!.FileId);
        var folder = Path.Combine(_bot.DataDirectory, "reports", "kec-sukamaju", period.Id, "format");
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(folder, $"surat-pemberitahuan-kec-sukamaju-{period.Id}.pdf")), letter);
        Assert.True(File.Exists(Path.Combine(folder, $"format-data-kinerja-kec-sukamaju-{period.Id}.pdf.sha256")));

        var letterText = TextOf(letter);
        Assert.Contains("KECAMATAN SUKAMAJU", letterText);
        Assert.Contains(number, letterText);
        Assert.Contains("Sifat", letterText);
        Assert.Contains("Lampiran", letterText);
        Assert.Contains("Pemberitahuan Pengumpulan Data Kinerja Triwulan III 2026", letterText);
        Assert.Contains("Drs. Bagus Wicaksono, M.Si.", letterText);
        Assert.Contains("NIP. 19700315 200003 1 004", letterText);
        var deadline = (await _bot.ReadStoreAsync(t => t.Periods.GetAsync(period.Id, default)))!.FillDeadline;
        Assert.Contains(IndonesianFormat.Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(deadline, SampleOffice.Configuration.Office.TimeZone).DateTime)), letterText);

        foreach (var unit in SampleOffice.Configuration.Units)
        {
            Assert.Contains($"Kepala {unit.Name}", letterText);
            var head = _bot.Official(unit.HeadId);
            var prompt = await head.WaitForReplyAsync(m => m.FindButton(BotTexts.StartFilling) is not null, BotHarness.Patience);
            Assert.Contains("pengumpulan data kinerja Triwulan III 2026 telah dibuka", prompt.Content);
            Assert.Equal(letter, _bot.Server.ReadFile(prompt.Document!.FileId));
        }

        Assert.Equal(SampleOffice.Configuration.Units.Count, (await SubmissionsAsync(period)).Count);

        // The signed format itself goes along, without the DRAF mark, numbered as the letter's attachment.
        var format = await _bot.Official("kasi-pem").WaitForReplyAsync(m => m.Content.Contains("lampiran Surat Nomor") && m.Document is not null, BotHarness.Patience);
        var formatText = TextOf(_bot.Server.ReadFile(format.Document!.FileId));
        Assert.DoesNotContain("DRAF", formatText);
        Assert.Contains("FORMAT DATA KINERJA KECAMATAN SUKAMAJU TRIWULAN III 2026", formatText);
        Assert.Contains($"Lampiran Surat Nomor {number}", formatText);

        // From here the period runs as always: the unit head starts filling.
        await _bot.Official("kasi-pem").PressButtonAsync(BotTexts.StartFilling);
        await _bot.Official("kasi-pem").WaitForReplyAsync(m => m.Content.Contains("IKU-1"), BotHarness.Patience);
    }

    [Fact]
    public async Task Two_periods_in_a_row_get_consecutive_letter_numbers_also_after_a_restart_between_them()
    {
        await OpenAndSignAsync(Period.Quarter(2026, 2));
        Assert.Contains(Camat.Messages, m => m.Content.Contains($"Surat Pemberitahuan Nomor 050/1/KEC-SUKAMAJU/{Year}"));

        await _bot.StopBotAsync();
        await _bot.StartBotAsync();

        await OpenAndSignAsync(Period.Quarter(2026, 3));
        Assert.Contains(Camat.Messages, m => m.Content.Contains($"Surat Pemberitahuan Nomor 050/2/KEC-SUKAMAJU/{Year}"));
        Assert.DoesNotContain(Camat.Messages, m => m.Content.Contains($"Nomor 050/3/"));
    }

    private async Task OpenAndSignAsync(Period period)
    {
        await Operator.SendTextAsync($"/buka {period.Id}");
        foreach (var (user, label) in new[] { (Kasubbag, FormatApprovalWorkflow.ReviewLabel), (Sekcam, FormatApprovalWorkflow.ParafLabel), (Camat, FormatApprovalWorkflow.SignLabel) })
        {
            var message = await user.WaitForReplyAsync(m => m.Content.Contains($"Draf format data kinerja Kecamatan Sukamaju — {period.DisplayName}") && m.FindButton(label) is not null, BotHarness.Patience);
            await user.PressButtonAsync(message.MessageId, message.FindButton(label)!.CallbackData!);
        }

        await Camat.WaitForReplyAsync(m => m.Content.Contains($"format data kinerja {period.DisplayName} telah ditandatangani"), BotHarness.Patience);
    }

    // Titles and table cells wrap; compare the words, not the line breaks.
    private static string TextOf(IEnumerable<byte> pdf) =>
        System.Text.RegularExpressions.Regex.Replace(string.Join(" ", PdfText.Pages(pdf.ToArray())), @"\s+", " ");

    private Task<IReadOnlyList<WorkflowInstance>> SubmissionsAsync(Period period) =>
        _bot.ReadStoreAsync<IReadOnlyList<WorkflowInstance>>(async t => (await t.Workflows.ListForPeriodAsync(period.Id, default)).Where(i => i.Kind == WorkflowKind.UnitSubmission).ToList());

    private async Task PressAndWaitForAnswerAsync(SimulatedUser user, long messageId, string callbackData)
    {
        var count = _bot.Server.CallbackAnswers.Count + 1;
        await user.PressButtonAsync(messageId, callbackData);
        var giveUp = DateTime.UtcNow + BotHarness.Patience;
        while (_bot.Server.CallbackAnswers.Count < count)
        {
            Assert.True(DateTime.UtcNow < giveUp, "the press was not answered in time");
            await Task.Delay(20);
        }
    }
}
