using KinerjaBot.Domain;
using KinerjaBot.Sandbox;
using KinerjaBot.Tests.Support;

namespace KinerjaBot.Tests.EndToEnd;

/// <summary>Verifiers are told who approved before them and, when the camat reopened a unit, why.</summary>
public sealed class VerifierHandOffEndToEndTests : IAsyncLifetime
{
    private const string Reason = "IK-2.2 belum sesuai laporan patroli bulanan.";

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

        await _bot.OpenPeriodAsync(Period.Id);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task The_second_verifier_is_told_the_first_approved_and_both_are_told_why_the_camat_reopened_the_unit()
    {
        await OfficeScript.SubmitUnitAsync(_bot, Period, "trantib", firstTime: true);
        var first = await Kasubbag.WaitForReplyAsync(m => m.Content.Contains("Verifikasi data Seksi Ketentraman"), BotHarness.Patience);
        Assert.DoesNotContain("Sudah disetujui oleh", first.Content);
        await Kasubbag.PressButtonAsync(first.MessageId, first.FindButton("Setujui")!.CallbackData!);
        var second = await Sekcam.WaitForReplyAsync(m => m.Content.Contains("Verifikasi data Seksi Ketentraman"), BotHarness.Patience);
        Assert.Contains("Sudah disetujui oleh verifikator ke-1, Hendra Saputra, S.E.", second.Content);
        await Sekcam.PressButtonAsync(second.MessageId, second.FindButton("Setujui")!.CallbackData!);
        foreach (var unit in new[] { "pemerintahan", "pmd", "kesos", "umum" })
        {
            await OfficeScript.CompleteUnitAsync(_bot, Period, unit, firstTime: true);
        }

        await OfficeScript.ApproveStagesAsync(_bot, ("kasubbag-pk", "Validasi"), ("sekcam", "Paraf"));

        await Camat.WaitForReplyAsync(m => m.FindButton("Tandatangani") is not null, BotHarness.Patience);
        await Camat.PressButtonAsync("Kembalikan");
        await Camat.WaitForReplyAsync(m => m.Content.Contains("dikembalikan kepada siapa"), BotHarness.Patience);
        await Camat.PressButtonAsync("Ke Seksi Ketentraman");
        await Camat.WaitForReplyAsync(m => m.Content.Contains("alasan"), BotHarness.Patience);
        await Camat.SendTextAsync(Reason);

        await _bot.Official("kasi-trantib").WaitForReplyAsync(m => m.FindButton("Perbaiki") is not null, BotHarness.Patience);
        await OfficeScript.SubmitUnitAsync(_bot, Period, "trantib", firstTime: false);

        var again = await Kasubbag.WaitForReplyAsync(m => m.Content.Contains("Verifikasi data Seksi Ketentraman") && m.Content.Contains("Revisi ke-2"), BotHarness.Patience);
        Assert.Contains("dibuka kembali dari laporan kantor oleh Drs. Bagus Wicaksono, M.Si.", again.Content);
        Assert.Contains($"Alasan: {Reason}", again.Content);
        await Kasubbag.PressButtonAsync(again.MessageId, again.FindButton("Setujui")!.CallbackData!);

        var secondAgain = await Sekcam.WaitForReplyAsync(m => m.Content.Contains("Verifikasi data Seksi Ketentraman") && m.Content.Contains("Revisi ke-2"), BotHarness.Patience);
        Assert.Contains("Sudah disetujui oleh verifikator ke-1, Hendra Saputra, S.E.", secondAgain.Content);
        Assert.Contains($"Alasan: {Reason}", secondAgain.Content);
    }
}
