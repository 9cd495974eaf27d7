using System.Security.Cryptography;
using System.Text;
using KinerjaBot.Domain;
using KinerjaBot.Sandbox;
using KinerjaBot.Tests.Reports.Pdf;
using KinerjaBot.Tests.Support;
using KinerjaBot.Workflow;

namespace KinerjaBot.Tests.EndToEnd;

/// <summary>
/// The office chain over real HTTP: every unit verified, then validation, paraf and signature, with returns to
/// the previous stage and to a unit; the head ends with the signed PDF.
/// </summary>
public sealed class OfficeReportEndToEndTests : IAsyncLifetime
{
    private static readonly Period Period = Period.Quarter(2026, 3);

    private BotHarness _bot = null!;

    private SimulatedUser Kasubbag => _bot.Official("kasubbag-pk");

    private SimulatedUser Sekcam => _bot.Official("sekcam");

    private SimulatedUser Camat => _bot.Official("camat");

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync();
        foreach (var official in SampleOffice.Configuration.Officials)
        {
            await _bot.RegisterAsync(official.Id);
        }

        await _bot.Official("staf-pk").SendTextAsync($"/buka {Period.Id}");
        foreach (var unit in SampleOffice.Configuration.Units)
        {
            await CompleteUnitAsync(unit.Id, firstTime: true);
        }
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task All_stages_approve_and_the_head_receives_the_signed_pdf()
    {
        var validation = await Kasubbag.WaitForReplyAsync(m => m.FindButton("Validasi") is not null, BotHarness.Patience);
        Assert.Contains("Laporan data kinerja Kecamatan Sukamaju — Triwulan III 2026", validation.Content);
        Assert.NotNull(validation.Document);
        await Kasubbag.PressButtonAsync("Validasi");

        var paraf = await Sekcam.WaitForReplyAsync(m => m.FindButton("Paraf") is not null, BotHarness.Patience);
        await Sekcam.PressButtonAsync(paraf.MessageId, paraf.FindButton("Paraf")!.CallbackData!);

        var signature = await Camat.WaitForReplyAsync(m => m.FindButton("Tandatangani") is not null, BotHarness.Patience);

        // The head sees who validated and initialled before him.
        Assert.Contains("Sudah divalidasi dan diparaf oleh Hendra Saputra, S.E.", signature.Content);
        Assert.Contains("Sudah diparaf oleh Ratna Kusumawardani, S.IP.", signature.Content);
        await Camat.PressButtonAsync("Tandatangani");

        var signed = await Camat.WaitForReplyAsync(m => m.Content.Contains("telah ditandatangani") && m.Document is not null, BotHarness.Patience);
        await _bot.Official("staf-pk").WaitForReplyAsync(m => m.Content.Contains("telah ditandatangani"), BotHarness.Patience);
        Assert.Empty(Camat.Messages.Single(m => m.MessageId == signature.MessageId).Buttons);

        var pdf = _bot.Server.ReadFile(signed.Document!.FileId);
        var archived = Path.Combine(_bot.DataDirectory, "reports", "kec-sukamaju", Period.Id, "rev-1", $"data-kinerja-kec-sukamaju-{Period.Id}-rev1.pdf");
        Assert.Equal(await File.ReadAllBytesAsync(archived), pdf);
        Assert.StartsWith(Convert.ToHexStringLower(SHA256.HashData(pdf)), await File.ReadAllTextAsync(archived + ".sha256"));

        var text = string.Join("\n", PdfText.Pages(pdf));
        Assert.Contains("DATA KINERJA KECAMATAN SUKAMAJU TRIWULAN III 2026", text);
        Assert.Contains("Drs. Bagus Wicaksono, M.Si.", text);
        Assert.Contains("NIP. 19700315 200003 1 004", text);
        Assert.Contains("Pembina Tingkat I (IV/b)", text);
        Assert.Contains("Hendra Saputra, S.E.", text);
        Assert.Contains("Ratna Kusumawardani, S.IP.", text);
        Assert.Contains("Halaman 1 dari", text);
        Assert.Equal(OfficeReportWorkflow.Signed, (await ReportAsync()).State);

        // The table is archived as CSV beside the PDF, for the e-SAKIP upload, and /rekap hands out both.
        var csv = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(Path.ChangeExtension(archived, ".csv")));
        Assert.StartsWith("\uFEFFNo;Unit;Indikator Kinerja;Satuan;Target;Realisasi;Capaian (%);Keterangan\r\n", csv);
        Assert.Contains(";Seksi Pemerintahan;IKU-1 Persentase desa yang menyampaikan laporan penyelenggaraan pemerintahan desa tepat waktu;%;80;80;100;", csv);

        await _bot.Official("staf-pk").SendTextAsync("/rekap");
        var again = await _bot.Official("staf-pk").WaitForReplyAsync(m => m.Document is not null && m.Content.Contains("sudah ditandatangani"), BotHarness.Patience);
        Assert.Equal(pdf, _bot.Server.ReadFile(again.Document!.FileId));
        await _bot.Official("staf-pk").WaitForReplyAsync(m => m.Document?.FileName?.EndsWith(".csv", StringComparison.Ordinal) == true, BotHarness.Patience);

        // And as a workbook whose figures are numbers, which the e-SAKIP upload reads without guessing the locale.
        var xlsx = await _bot.Official("staf-pk").WaitForReplyAsync(m => m.Document?.FileName?.EndsWith(".xlsx", StringComparison.Ordinal) == true, BotHarness.Patience);
        using var workbook = new MemoryStream(_bot.Server.ReadFile(xlsx.Document!.FileId));
        var iku1 = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true, sheetName: Period.Id).Cast<IDictionary<string, object>>().First(r => Equals(r["Kode Indikator"], "IKU-1"));
        Assert.Equal(80d, iku1["Target"]);
        Assert.Equal(80d, iku1["Realisasi"]);
        Assert.Equal(100d, iku1["Capaian (%)"]);
    }

    [Fact]
    public async Task The_signature_stage_returns_to_paraf_and_the_chain_recovers()
    {
        await Kasubbag.WaitForReplyAsync(m => m.FindButton("Validasi") is not null, BotHarness.Patience);
        await Kasubbag.PressButtonAsync("Validasi");
        await Sekcam.WaitForReplyAsync(m => m.FindButton("Paraf") is not null, BotHarness.Patience);
        await Sekcam.PressButtonAsync("Paraf");
        await Camat.WaitForReplyAsync(m => m.FindButton("Tandatangani") is not null, BotHarness.Patience);

        await Camat.PressButtonAsync("Kembalikan");
        var picker = await Camat.WaitForReplyAsync(m => m.Content.Contains("dikembalikan kepada siapa"), BotHarness.Patience);
        Assert.NotNull(picker.FindButton("Batal"));
        await Camat.PressButtonAsync("Ke tahap paraf");
        await Camat.WaitForReplyAsync(m => m.Content.Contains("alasan"), BotHarness.Patience);
        // A long reason pushes the stage message past Telegram's 1024-character caption limit.
        var reason = "Paraf Sekcam belum ada tanggalnya. " + string.Concat(Enumerable.Repeat("Mohon periksa kembali setiap baris tabel sebelum diparaf. ", 16));
        await Camat.SendTextAsync(reason);

        var back = await Sekcam.WaitForReplyAsync(m => m.Content.Contains("Dikembalikan oleh Drs. Bagus Wicaksono") && m.FindButton("Paraf") is not null, BotHarness.Patience);
        Assert.Contains(reason.Trim(), back.Content);
        Assert.Contains(Sekcam.Messages, m => m.Document is not null && m.MessageId < back.MessageId && m.MessageId > back.MessageId - 3);
        await Sekcam.PressButtonAsync("Paraf");
        await Camat.WaitForReplyAsync(m => m.FindButton("Tandatangani") is not null, BotHarness.Patience);
        await Camat.PressButtonAsync("Tandatangani");
        await Camat.WaitForReplyAsync(m => m.Content.Contains("telah ditandatangani"), BotHarness.Patience);
        Assert.Equal(OfficeReportWorkflow.Signed, (await ReportAsync()).State);
    }

    [Fact]
    public async Task Validation_returns_the_report_to_one_unit_which_fixes_and_the_report_comes_back()
    {
        var first = await Kasubbag.WaitForReplyAsync(m => m.FindButton("Validasi") is not null, BotHarness.Patience);

        // The head cannot validate in the planning official's place.
        await Camat.PressButtonAsync(Camat.LastBotMessage!.MessageId, first.FindButton("Validasi")!.CallbackData!);
        await _bot.Server.WaitForRequestAsync(r => r.Method == "answerCallbackQuery" && r.Parameter("text")?.Contains("bukan untuk") == true, BotHarness.Patience);

        await Kasubbag.PressButtonAsync("Kembalikan");
        await Kasubbag.WaitForReplyAsync(m => m.Content.Contains("dikembalikan kepada siapa"), BotHarness.Patience);
        await Kasubbag.PressButtonAsync("Ke Seksi Pemerintahan");
        await Kasubbag.WaitForReplyAsync(m => m.Content.Contains("alasan"), BotHarness.Patience);
        await Kasubbag.SendTextAsync("IK-1.1 tidak sesuai daftar hadir rapat.");
        await Kasubbag.WaitForReplyAsync(m => m.Content.Contains("Data Seksi Pemerintahan dikembalikan untuk diperbaiki"), BotHarness.Patience);

        var kasi = _bot.Official("kasi-pem");
        var returned = await kasi.WaitForReplyAsync(m => m.FindButton("Perbaiki") is not null, BotHarness.Patience);
        Assert.Contains("IK-1.1 tidak sesuai daftar hadir rapat.", returned.Content);
        Assert.Equal(OfficeReportWorkflow.Collecting, (await ReportAsync()).State);

        // Meanwhile a draft fetched with /rekap says which unit's data is not checked yet.
        var staf = _bot.Official("staf-pk");
        await staf.SendTextAsync("/rekap");
        var draft = await staf.WaitForReplyAsync(m => m.Document is not null && m.Content.Contains("drafnya"), BotHarness.Patience);
        var draftText = string.Join("\n", PdfText.Pages(_bot.Server.ReadFile(draft.Document!.FileId)));
        Assert.Contains("Seksi Pemerintahan (belum terverifikasi)", draftText);
        Assert.DoesNotContain("Seksi Kesejahteraan Sosial (belum", draftText);

        await CompleteUnitAsync("pemerintahan", firstTime: false);

        var again = await Kasubbag.WaitForReplyAsync(m => m.FindButton("Validasi") is not null && m.MessageId > first.MessageId, BotHarness.Patience);
        Assert.NotNull(again.Document);
        Assert.Equal(new WorkflowState("Validation"), (await ReportAsync()).State);
    }

    [Fact]
    public async Task Reopening_a_signed_report_makes_revision_2_and_keeps_revision_1()
    {
        await SignAsync();
        var staf = _bot.Official("staf-pk");
        await staf.WaitForReplyAsync(m => m.Content.Contains("telah ditandatangani"), BotHarness.Patience);

        await staf.SendTextAsync("/rekap");
        await staf.WaitForReplyAsync(m => m.FindButton("Buka revisi") is not null, BotHarness.Patience);
        await staf.PressButtonAsync("Buka revisi");
        await staf.WaitForReplyAsync(m => m.Content.Contains("perlu diperbaiki"), BotHarness.Patience);
        await staf.PressButtonAsync("Ke Seksi Kesejahteraan Sosial");
        await staf.WaitForReplyAsync(m => m.Content.Contains("alasan"), BotHarness.Patience);
        await staf.SendTextAsync("Koreksi data IK-4.1 dari Dinas Sosial.");
        await staf.WaitForReplyAsync(m => m.Content.Contains("Revisi ke-2"), BotHarness.Patience);

        await _bot.Official("kasi-kesos").WaitForReplyAsync(m => m.FindButton("Perbaiki") is not null, BotHarness.Patience);
        await CompleteUnitAsync("kesos", firstTime: false);
        await SignAsync();

        var signed = await Camat.WaitForReplyAsync(m => m.Document?.FileName?.EndsWith("rev2.pdf", StringComparison.Ordinal) == true, BotHarness.Patience);
        var text = string.Join("\n", PdfText.Pages(_bot.Server.ReadFile(signed.Document!.FileId)));
        Assert.Contains("Revisi ke-2", text);
        var folder = Path.Combine(_bot.DataDirectory, "reports", "kec-sukamaju", Period.Id);
        Assert.True(File.Exists(Path.Combine(folder, "rev-1", $"data-kinerja-kec-sukamaju-{Period.Id}-rev1.pdf")));
        Assert.True(File.Exists(Path.Combine(folder, "rev-2", $"data-kinerja-kec-sukamaju-{Period.Id}-rev2.pdf")));
        var report = await ReportAsync();
        Assert.Equal((OfficeReportWorkflow.Signed, 2), (report.State, report.Revision));
    }

    private Task SignAsync() => OfficeScript.SignReportAsync(_bot);

    private Task CompleteUnitAsync(string unitId, bool firstTime) => OfficeScript.CompleteUnitAsync(_bot, Period, unitId, firstTime);

    private async Task<WorkflowInstance> ReportAsync() =>
        (await _bot.ReadStoreAsync(t => t.Workflows.FindAsync(WorkflowKind.OfficeReport, Period.Id, null, default)))!;
}
