using System.Text.RegularExpressions;
using KinerjaBot.Domain;
using KinerjaBot.Sandbox;
using KinerjaBot.Storage;
using KinerjaBot.Tests.Reports.Pdf;
using KinerjaBot.Tests.Support;
using KinerjaBot.Workflow;
using MiniExcelLibs;

namespace KinerjaBot.Tests.EndToEnd;

/// <summary>
/// Rollups over real HTTP: verified months pre-fill the quarter (the unit head confirms or corrects with a note), and
/// verified quarters pre-fill the semester, whose PDF shows both quarters beside the total.
/// </summary>
public sealed class RollupEndToEndTests : IAsyncLifetime
{
    private const string Umum = "umum";

    private BotHarness _bot = null!;

    private SimulatedUser Head => _bot.Official("kasubbag-umum");

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync();
        foreach (var official in SampleOffice.Configuration.Officials)
        {
            await _bot.RegisterAsync(official.Id);
        }
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Three_verified_months_prefill_the_quarter_the_head_confirms_one_corrects_one_with_a_note_and_the_quarter_is_signed()
    {
        await FillAndVerifyUmumAsync(Period.Month(2026, 7), attendance: "96", documents: "48");
        await FillAndVerifyUmumAsync(Period.Month(2026, 8), attendance: "95", documents: "52");
        await FillAndVerifyUmumAsync(Period.Month(2026, 9), attendance: "97", documents: "50");

        var quarter = Period.Quarter(2026, 3);
        await _bot.OpenPeriodAsync(quarter.Id);
        foreach (var unit in SampleOffice.Configuration.Units.Where(u => u.Id != Umum))
        {
            await OfficeScript.CompleteUnitAsync(_bot, quarter, unit.Id, firstTime: true);
        }

        var invitation = await StartFillingAsync(quarter);
        Assert.Contains("Sudah dihitung dari data yang terverifikasi, tinggal dikonfirmasi atau dikoreksi: IK-5.1, IK-5.3.", invitation.Content);
        var attendance = await Head.WaitForReplyAsync(m => m.Content.Contains("IK-5.1") && m.FindButton("Benar") is not null, BotHarness.Patience);
        Assert.Contains("Rata-rata Juli–September: (96 + 95 + 97) / 3 = 96", attendance.Content);

        // A different figure without a reason is not stored; with one it is, and the note says what it corrects.
        await Head.SendTextAsync("95,5");
        var refused = await Head.WaitForReplyAsync(m => m.Content.Contains("berbeda dari hasil perhitungan"), BotHarness.Patience);
        Assert.Contains("alasan", refused.Content);
        Assert.Null(await CurrentValueAsync(quarter, "IK-5.1"));
        await Head.SendTextAsync("95,5\nsatu pegawai cuti sakit tercatat terlambat");

        var documents = await Head.WaitForReplyAsync(m => m.Content.Contains("IK-5.3") && m.FindButton("Benar") is not null, BotHarness.Patience);
        Assert.Contains("Jumlah Juli–September: 48 + 52 + 50 = 150", documents.Content);

        // The typed correction answered IK-5.1: its "Benar: 96 %" is gone before the next question came.
        Assert.Empty(_bot.Server.Messages(Head.ChatId).Single(m => m.MessageId == attendance.MessageId && m.Sender == ChatMessageSender.Bot).InlineKeyboard);

        // An implausible correction asks first; "Ketik ulang" comes back to the computed value, where a reason is still needed.
        await Head.SendTextAsync("500\nsalah hitung rekap bulanan");
        await Head.WaitForReplyAsync(m => m.FindButton("Ketik ulang") is not null, BotHarness.Patience);
        await Head.PressButtonAsync("Ketik ulang");
        await Head.WaitForReplyAsync(m => m.Content.Contains("ketik ulang nilai IK-5.3 dengan alasan koreksinya"), BotHarness.Patience);
        await Head.SendTextAsync("149");
        await Head.WaitForReplyAsync(m => m.Content.Contains("berbeda dari hasil perhitungan (150 dokumen)"), BotHarness.Patience);
        Assert.Null(await CurrentValueAsync(quarter, "IK-5.3"));
        await Head.PressButtonAsync(documents.MessageId, documents.FindButton("Benar: 150")!.CallbackData!);
        await Head.WaitForReplyAsync(m => m.FindButton("Lewati") is not null, BotHarness.Patience);
        await Head.PressButtonAsync("Lewati");
        await SubmitAndVerifyUmumAsync(quarter);

        var corrected = await CurrentValueAsync(quarter, "IK-5.1");
        Assert.Equal(95.5m, corrected!.Value);
        Assert.StartsWith("satu pegawai cuti sakit tercatat terlambat (koreksi atas hitungan otomatis Rata-rata Juli–September", corrected.Note);
        var confirmed = await CurrentValueAsync(quarter, "IK-5.3");
        Assert.Equal((150m, "Jumlah Juli–September: 48 + 52 + 50 = 150"), (confirmed!.Value, confirmed.Note));

        var pdf = await SignAsync(quarter);
        var text = string.Join("\n", PdfText.Pages(pdf));
        Assert.Contains("DATA KINERJA KECAMATAN SUKAMAJU TRIWULAN III 2026", text);
        Assert.Matches(new Regex(@"IK-5\.1 Persentase kehadiran\s+%\s+95\s+95,5\s+100,53\s+Sangat Baik satu pegawai cuti"), text);
    }

    [Fact]
    public async Task An_older_rollup_questions_benar_pressed_while_the_next_rollup_indicator_is_open_is_refused_and_stores_nothing()
    {
        await FillAndVerifyUmumAsync(Period.Month(2026, 7), attendance: "96", documents: "48");
        await FillAndVerifyUmumAsync(Period.Month(2026, 8), attendance: "95", documents: "52");
        await FillAndVerifyUmumAsync(Period.Month(2026, 9), attendance: "97", documents: "50");

        var quarter = Period.Quarter(2026, 3);
        await _bot.OpenPeriodAsync(quarter.Id);
        await StartFillingAsync(quarter);
        var attendance = await Head.WaitForReplyAsync(m => m.Content.Contains("IK-5.1") && m.FindButton("Benar") is not null, BotHarness.Patience);
        var olderBenar = attendance.FindButton("Benar: 96")!.CallbackData!;
        await Head.SendTextAsync("95,5\nsatu pegawai cuti sakit tercatat terlambat");
        var documents = await Head.WaitForReplyAsync(m => m.Content.Contains("IK-5.3") && m.FindButton("Benar: 150") is not null, BotHarness.Patience);

        // IK-5.1's "Benar: 96", still on screen (WhatsApp keeps it; on Telegram its removal may lag), is pressed now.
        await Head.PressButtonAsync(attendance.MessageId, olderBenar);
        await _bot.Server.WaitForRequestAsync(r => r.Method == "answerCallbackQuery" && r.Parameter("text")?.Contains("Tombol ini sudah tidak berlaku") == true, BotHarness.Patience);
        Assert.Null(await CurrentValueAsync(quarter, "IK-5.3"));
        Assert.Equal(95.5m, (await CurrentValueAsync(quarter, "IK-5.1"))!.Value);

        // IK-5.3 is still the open question: a typed correction is read for it, and its own "Benar: 150" confirms.
        await Head.SendTextAsync("149");
        await Head.WaitForReplyAsync(m => m.Content.Contains("berbeda dari hasil perhitungan (150 dokumen)"), BotHarness.Patience);
        await Head.PressButtonAsync(documents.MessageId, documents.FindButton("Benar: 150")!.CallbackData!);
        await Head.WaitForReplyAsync(m => m.FindButton("Lewati") is not null, BotHarness.Patience);
        var confirmed = await CurrentValueAsync(quarter, "IK-5.3");
        Assert.Equal((150m, "Jumlah Juli–September: 48 + 52 + 50 = 150"), (confirmed!.Value, confirmed.Note));
    }

    [Fact]
    public async Task Two_verified_quarters_prefill_the_semester_and_its_pdf_shows_both_quarters_beside_the_total()
    {
        var first = Period.Quarter(2026, 1);
        await _bot.OpenPeriodAsync(first.Id);
        await StartFillingAsync(first);

        // No month of the quarter is verified, so it is asked fresh and the missing months are named.
        var fresh = await Head.WaitForReplyAsync(m => m.Content.Contains("IK-5.1"), BotHarness.Patience);
        Assert.Contains("Belum dapat dihitung otomatis: data Januari 2026, Februari 2026, Maret 2026 belum terverifikasi.", fresh.Content);
        await AnswerUmumAsync(attendance: "94", documents: "140");
        await SubmitAndVerifyUmumAsync(first);

        var second = Period.Quarter(2026, 2);
        await _bot.OpenPeriodAsync(second.Id);
        await StartFillingAsync(second);
        await Head.WaitForReplyAsync(m => m.Content.Contains("IK-5.1"), BotHarness.Patience);
        await AnswerUmumAsync(attendance: "96", documents: "150");
        await SubmitAndVerifyUmumAsync(second);

        var semester = Period.Semester(2026, 1);
        await _bot.OpenPeriodAsync(semester.Id);
        await StartFillingAsync(semester);
        var attendance = await Head.WaitForReplyAsync(m => m.Content.Contains("IK-5.1") && m.FindButton("Benar") is not null, BotHarness.Patience);
        Assert.Contains("Rata-rata TW I–TW II: (94 + 96) / 2 = 95", attendance.Content);
        await Head.PressButtonAsync("Benar");

        // Asked per semester only: nothing to compute it from.
        await Head.WaitForReplyAsync(m => m.Content.Contains("IK-5.2") && m.FindButton("Benar") is null, BotHarness.Patience);
        await Head.SendTextAsync("81");
        await Head.WaitForReplyAsync(m => m.FindButton("Lewati") is not null, BotHarness.Patience);
        await Head.PressButtonAsync("Lewati");

        var documents = await Head.WaitForReplyAsync(m => m.Content.Contains("IK-5.3") && m.FindButton("Benar") is not null, BotHarness.Patience);
        Assert.Contains("Jumlah TW I–TW II: 140 + 150 = 290", documents.Content);
        await Head.PressButtonAsync("Benar: 290");
        await Head.WaitForReplyAsync(m => m.FindButton("Lewati") is not null, BotHarness.Patience);
        await Head.PressButtonAsync("Lewati");
        await SubmitAndVerifyUmumAsync(semester);

        var pdf = await SignAsync(semester);
        var text = string.Join("\n", PdfText.Pages(pdf));
        Assert.Contains("SEMESTER I 2026", text);
        Assert.Matches(new Regex(@"TW I\s+TW II\s+Realisasi"), text);
        Assert.Matches(new Regex(@"300\s+140\s+150\s+290"), text);
        Assert.Matches(new Regex(@"95\s+94\s+96\s+95"), text);

        // The workbook beside it has the semester and each quarter on its own sheet, numbers as numbers.
        var xlsx = Path.Combine(_bot.DataDirectory, "reports", "kec-sukamaju", semester.Id, "rev-1", $"data-kinerja-kec-sukamaju-{semester.Id}-rev1.xlsx");
        using var workbook = File.OpenRead(xlsx);
        Assert.Equal(["2026-S1", "2026-TW1", "2026-TW2"], workbook.GetSheetNames());
        var total = workbook.Query(useHeaderRow: true, sheetName: "2026-S1").Cast<IDictionary<string, object>>().Single(r => Equals(r["Kode Indikator"], "IK-5.3"));
        Assert.Equal(290d, total["Realisasi"]);
        var secondQuarter = workbook.Query(useHeaderRow: true, sheetName: "2026-TW2").Cast<IDictionary<string, object>>().Single(r => Equals(r["Kode Indikator"], "IK-5.3"));
        Assert.Equal(150d, secondQuarter["Realisasi"]);
    }

    private async Task FillAndVerifyUmumAsync(Period month, string attendance, string documents)
    {
        await _bot.OpenPeriodAsync(month.Id);
        await StartFillingAsync(month);
        await Head.WaitForReplyAsync(m => m.Content.Contains("IK-5.1"), BotHarness.Patience);
        await AnswerUmumAsync(attendance, documents);
        await SubmitAndVerifyUmumAsync(month);
    }

    private async Task<ChatMessage> StartFillingAsync(Period period)
    {
        var invitation = await Head.WaitForReplyAsync(m => m.Content.Contains(period.DisplayName) && m.FindButton("Mulai isi") is not null, BotHarness.Patience);
        await Head.PressButtonAsync(invitation.MessageId, invitation.FindButton("Mulai isi")!.CallbackData!);
        return invitation;
    }

    /// <summary>Types IK-5.1 (already asked) and IK-5.3, skipping its optional evidence.</summary>
    private async Task AnswerUmumAsync(string attendance, string documents)
    {
        await Head.SendTextAsync(attendance);
        await Head.WaitForReplyAsync(m => m.Content.Contains("IK-5.3"), BotHarness.Patience);
        await Head.SendTextAsync(documents);
        await Head.WaitForReplyAsync(m => m.FindButton("Lewati") is not null, BotHarness.Patience);
        await Head.PressButtonAsync("Lewati");
    }

    private async Task SubmitAndVerifyUmumAsync(Period period)
    {
        await Head.WaitForReplyAsync(m => m.FindButton("Kirim") is not null, BotHarness.Patience);
        await Head.PressButtonAsync("Kirim");
        var sekcam = _bot.Official("sekcam");
        var request = await _bot.Server.WaitForBotMessageAsync(sekcam.ChatId, m => m.Content.Contains("Verifikasi data Subbagian Umum") && m.Content.Contains(period.DisplayName) && m.FindButton("Setujui") is not null, BotHarness.Patience);
        await sekcam.PressButtonAsync(request.MessageId, request.FindButton("Setujui")!.CallbackData!);
        await Head.WaitForReplyAsync(m => m.Content.Contains("telah terverifikasi"), BotHarness.Patience);
    }

    private async Task<byte[]> SignAsync(Period period)
    {
        foreach (var (official, label) in new[] { ("kasubbag-pk", "Validasi"), ("sekcam", "Paraf"), ("camat", "Tandatangani") })
        {
            var user = _bot.Official(official);
            var message = await _bot.Server.WaitForBotMessageAsync(user.ChatId, m => m.Content.Contains(period.DisplayName) && m.FindButton(label) is not null, BotHarness.Patience);
            await user.PressButtonAsync(message.MessageId, message.FindButton(label)!.CallbackData!);
        }

        var signed = await _bot.Server.WaitForBotMessageAsync(_bot.Official("camat").ChatId, m => m.Content.Contains("telah ditandatangani") && m.Content.Contains(period.DisplayName) && m.Document is not null, BotHarness.Patience);
        return _bot.Server.ReadFile(signed.Document!.FileId);
    }

    private async Task<StoredValue?> CurrentValueAsync(Period period, string code) =>
        await _bot.ReadStoreAsync(async t =>
        {
            var submission = await t.Workflows.FindAsync(WorkflowKind.UnitSubmission, period.Id, Umum, default);
            var values = await t.Values.CurrentAsync(submission!.Id, default);
            return values.GetValueOrDefault(code);
        });
}
