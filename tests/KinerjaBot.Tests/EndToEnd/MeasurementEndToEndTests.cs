using System.Text.RegularExpressions;
using KinerjaBot.Domain;
using KinerjaBot.Sandbox;
using KinerjaBot.Tests.Reports.Pdf;
using KinerjaBot.Tests.Support;
using KinerjaBot.Workflow;
using MiniExcelLibs;

namespace KinerjaBot.Tests.EndToEnd;

/// <summary>
/// The measurement report over real HTTP (SOP Pengukuran Kinerja): prepared by the planning official from the year's
/// verified data, returned by the secretary with a reason, sent again, approved, delivered to the head and archived.
/// </summary>
public sealed class MeasurementEndToEndTests : IAsyncLifetime
{
    private static readonly Period Year = Period.OfYear(2026);

    private BotHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync();
        foreach (var official in SampleOffice.Configuration.Officials)
        {
            await _bot.RegisterAsync(official.Id);
        }

        await _bot.OpenPeriodAsync(Year.Id);
        foreach (var unit in SampleOffice.Configuration.Units)
        {
            await OfficeScript.CompleteUnitAsync(_bot, Year, unit.Id, firstTime: true);
        }
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task The_2026_measurement_is_prepared_returned_with_a_reason_sent_again_approved_and_reaches_the_head_with_capaian_per_sasaran()
    {
        var planning = _bot.Official("kasubbag-pk");
        var sekcam = _bot.Official("sekcam");
        var camat = _bot.Official("camat");

        // Only the planning official and operators may start it.
        await camat.SendTextAsync("/ukur 2026");
        await camat.WaitForReplyAsync(m => m.Content.Contains("hanya untuk operator dan Kasubbag Perencanaan"), BotHarness.Patience);

        await planning.SendTextAsync("/ukur 2026");
        var draft = await planning.WaitForReplyAsync(m => m.Content.Contains("Laporan Hasil Pengukuran Kinerja Tahun 2026 (draf)") && m.FindButton("Kirim ke Sekretaris") is not null, BotHarness.Patience);
        Assert.NotNull(draft.Document);
        await planning.PressButtonAsync(draft.MessageId, draft.FindButton("Kirim ke Sekretaris")!.CallbackData!);

        var check = await _bot.Server.WaitForBotMessageAsync(sekcam.ChatId, m => m.Content.Contains("Laporan Hasil Pengukuran Kinerja Tahun 2026") && m.FindButton("Kembalikan") is not null, BotHarness.Patience);
        await sekcam.PressButtonAsync(check.MessageId, check.FindButton("Kembalikan")!.CallbackData!);
        await sekcam.WaitForReplyAsync(m => m.Content.Contains("alasan pengembalian laporan pengukuran kinerja"), BotHarness.Patience);
        await sekcam.SendTextAsync("Mohon cek ulang capaian sasaran ketertiban umum.");
        await sekcam.WaitForReplyAsync(m => m.Content.Contains("dikembalikan kepada Hendra Saputra"), BotHarness.Patience);

        var returned = await planning.WaitForReplyAsync(m => m.Content.Contains("Alasan: Mohon cek ulang capaian sasaran ketertiban umum.") && m.FindButton("Kirim ke Sekretaris") is not null, BotHarness.Patience);
        await planning.PressButtonAsync(returned.MessageId, returned.FindButton("Kirim ke Sekretaris")!.CallbackData!);

        var again = await _bot.Server.WaitForBotMessageAsync(sekcam.ChatId, m => m.MessageId > check.MessageId && m.Content.Contains("Laporan Hasil Pengukuran Kinerja Tahun 2026") && m.FindButton("Setujui") is not null, BotHarness.Patience);
        await sekcam.PressButtonAsync(again.MessageId, again.FindButton("Setujui")!.CallbackData!);

        var delivered = await camat.WaitForReplyAsync(m => m.Content.Contains("Laporan Hasil Pengukuran Kinerja Kecamatan Sukamaju Tahun 2026") && m.Document is not null, BotHarness.Patience);
        var pdf = _bot.Server.ReadFile(delivered.Document!.FileId);
        var text = string.Join("\n", PdfText.Pages(pdf));
        Assert.Matches(new Regex(@"LAPORAN HASIL PENGUKURAN KINERJA KECAMATAN\s+SUKAMAJU TAHUN 2026"), text);
        Assert.Matches(Wrapped("Tujuan: Terwujudnya wilayah yang aman, tertib dan masyarakat yang sejahtera — capaian 100 % (Sangat Baik) · Sasaran: Meningkatnya ketenteraman dan ketertiban umum — capaian 100 % (Sangat Baik)"), text);
        Assert.Matches(new Regex(@"IK-2\.2 Jumlah patroli\s+kali\s+96\s+–\s+96\s+100\s+Sangat Baik"), text);
        Assert.Contains("Lampiran: capaian per triwulan terhadap target (100 %)", text);
        Assert.Matches(new Regex(@"TW I\s+TW II\s+TW III\s+TW IV"), text);
        Assert.Contains("Hendra Saputra, S.E.", text);
        Assert.Contains("Ratna Kusumawardani, S.IP.", text);

        var measurement = await _bot.ReadStoreAsync(t => t.Workflows.FindAsync(WorkflowKind.Measurement, Year.Id, null, default));
        Assert.Equal(MeasurementWorkflow.Reported, measurement!.State);
        var archived = Path.Combine(_bot.DataDirectory, "reports", "kec-sukamaju", Year.Id, "pengukuran-rev-1", "pengukuran-kinerja-kec-sukamaju-2026-rev1.pdf");
        Assert.Equal(await File.ReadAllBytesAsync(archived), pdf);
        Assert.True(File.Exists(Path.ChangeExtension(archived, ".csv")));
        using var workbook = File.OpenRead(Path.ChangeExtension(archived, ".xlsx"));
        var patrols = workbook.Query(useHeaderRow: true, sheetName: Year.Id).Cast<IDictionary<string, object>>().Single(r => Equals(r["Kode Indikator"], "IK-2.2"));
        Assert.Equal((96d, 100d), ((double)patrols["Realisasi"], (double)patrols["Capaian (%)"]));
    }

    [Fact]
    public async Task The_annual_data_report_carries_the_chart_per_sasaran_after_its_signature()
    {
        var validation = await _bot.Official("kasubbag-pk").WaitForReplyAsync(m => m.Content.Contains("Tahun 2026") && m.FindButton("Validasi") is not null, BotHarness.Patience);

        var text = string.Join("\n", PdfText.Pages(_bot.Server.ReadFile(validation.Document!.FileId)));

        Assert.Contains("DATA KINERJA KECAMATAN SUKAMAJU TAHUN 2026", text);
        Assert.Contains("Lampiran: capaian per triwulan terhadap target (100 %)", text);
        Assert.Contains("Sasaran: Meningkatnya kesejahteraan sosial masyarakat", text);
    }

    /// <summary>The text as printed in a table cell, where any space may have become a line break.</summary>
    private static Regex Wrapped(string text) => new(string.Join(@"\s+", text.Split(' ').Select(Regex.Escape)));
}
