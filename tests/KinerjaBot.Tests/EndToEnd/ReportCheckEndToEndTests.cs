using KinerjaBot.Domain;
using KinerjaBot.Sandbox;
using KinerjaBot.Tests.Support;

namespace KinerjaBot.Tests.EndToEnd;

/// <summary>/cek in chat: an official sends a PDF and learns whether it is exactly the signed, archived report.</summary>
public sealed class ReportCheckEndToEndTests : IAsyncLifetime
{
    private static readonly Period Period = Period.Quarter(2026, 3);

    private BotHarness _bot = null!;

    private SimulatedUser KasiPem => _bot.Official("kasi-pem");

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync();
        foreach (var official in SampleOffice.Configuration.Officials)
        {
            await _bot.RegisterAsync(official.Id);
        }

        await _bot.OpenPeriodAsync(Period.Id);
        foreach (var unit in SampleOffice.Configuration.Units)
        {
            await OfficeScript.CompleteUnitAsync(_bot, Period, unit.Id, firstTime: true);
        }
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Cek_then_the_signed_pdf_says_it_is_the_archived_report_and_a_changed_copy_is_refused()
    {
        // Before signing, the draft the planning official received is not a signed report.
        var draft = await _bot.Official("kasubbag-pk").WaitForReplyAsync(m => m.FindButton("Validasi") is not null && m.Document is not null, BotHarness.Patience);
        await KasiPem.SendDocumentAsync(_bot.Server.ReadFile(draft.Document!.FileId), "draf.pdf", "application/pdf", "/cek");
        var draftAnswer = await KasiPem.WaitForReplyAsync(m => m.Content.StartsWith('❌'), BotHarness.Patience);
        Assert.Contains("bukan laporan yang ditandatangani", draftAnswer.Content);

        await OfficeScript.SignReportAsync(_bot);

        var signed = await _bot.Official("camat").WaitForReplyAsync(m => m.Content.Contains("telah ditandatangani") && m.Document is not null, BotHarness.Patience);
        var pdf = _bot.Server.ReadFile(signed.Document!.FileId);

        await KasiPem.SendTextAsync("/cek");
        var asked = await KasiPem.WaitForReplyAsync(_ => true, BotHarness.Patience);
        Assert.Contains("kirim berkas PDF", asked.Content);
        await KasiPem.SendDocumentAsync(pdf, "laporan.pdf", "application/pdf");
        var verified = await KasiPem.WaitForReplyAsync(m => m.Content.StartsWith('✅'), BotHarness.Patience);
        Assert.Contains("sama persis dengan laporan yang ditandatangani dan diarsipkan: Triwulan III 2026, revisi ke-1", verified.Content);

        // One changed byte, sent with /cek as its caption.
        var changed = (byte[])pdf.Clone();
        changed[10] ^= 0x01;
        await KasiPem.SendDocumentAsync(changed, "laporan-salinan.pdf", "application/pdf", "/cek");
        var refused = await KasiPem.WaitForReplyAsync(m => m.Content.StartsWith('❌'), BotHarness.Patience);
        Assert.Contains("Triwulan III 2026, revisi ke-1", refused.Content);
        Assert.Contains("sudah diubah setelah ditandatangani", refused.Content);

        // The checked files were not kept as evidence.
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_bot.DataDirectory, "evidence"), "*.pdf", SearchOption.AllDirectories));
    }
}
