using KinerjaBot.Domain;
using KinerjaBot.Sandbox;

namespace KinerjaBot.Tests.EndToEnd;

/// <summary>/bantuan tells each official what they owe now, the commands of their role, and whom to ask.</summary>
public sealed class HelpEndToEndTests : IAsyncLifetime
{
    private static readonly Period Period = Period.Quarter(2026, 3);

    private BotHarness _bot = null!;

    private SimulatedUser Kasi => _bot.Official("kasi-trantib");

    private SimulatedUser Kasubbag => _bot.Official("kasubbag-pk");

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync();
        foreach (var id in new[] { "staf-pk", "kasi-trantib", "kasubbag-pk" })
        {
            await _bot.RegisterAsync(id);
        }
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Bantuan_says_what_the_official_owes_now_and_whom_to_ask()
    {
        await Kasi.SendTextAsync("/bantuan");
        var before = await Kasi.WaitForReplyAsync(m => m.Content.StartsWith("KinerjaBot ", StringComparison.Ordinal), BotHarness.Patience);
        Assert.Contains("Tidak ada tugas yang menunggu", before.Content);

        await _bot.OpenPeriodAsync(Period.Id);
        await Kasi.WaitForReplyAsync(m => m.FindButton("Mulai isi") is not null, BotHarness.Patience);
        await Kasi.SendTextAsync("/bantuan");
        var owed = await Kasi.WaitForReplyAsync(m => m.Content.StartsWith("KinerjaBot ", StringComparison.Ordinal), BotHarness.Patience);
        Assert.Contains("Saat ini Bapak/Ibu perlu:", owed.Content);
        Assert.Contains("mengisi data Seksi Ketentraman dan Ketertiban Umum Triwulan III 2026 (batas ", owed.Content);
        Assert.Contains("— ketik /isi", owed.Content);
        Assert.Contains("hubungi operator: Dewi Lestari, A.Md. (Pengelola Data Perencanaan)", owed.Content);

        // A unit head's list has /isi and not the operator's commands, nor /tentang.
        Assert.Contains("/isi —", owed.Content);
        Assert.DoesNotContain("/buka", owed.Content);
        Assert.DoesNotContain("/tentang", owed.Content);
    }

    [Fact]
    public async Task Bantuan_of_a_verifier_names_the_check_waiting_for_them_once_the_unit_is_submitted()
    {
        await Kasubbag.SendTextAsync("/bantuan");
        Assert.Contains("Tidak ada tugas yang menunggu", (await Kasubbag.WaitForReplyAsync(m => m.Content.StartsWith("KinerjaBot ", StringComparison.Ordinal), BotHarness.Patience)).Content);
        await _bot.OpenPeriodAsync(Period.Id);
        await OfficeScript.SubmitUnitAsync(_bot, Period, "trantib", firstTime: true);
        await Kasubbag.WaitForReplyAsync(m => m.FindButton("Setujui") is not null, BotHarness.Patience);
        await Kasubbag.SendTextAsync("/bantuan");
        var verifier = await Kasubbag.WaitForReplyAsync(m => m.Content.StartsWith("KinerjaBot ", StringComparison.Ordinal), BotHarness.Patience);
        Assert.Contains("memverifikasi data Seksi Ketentraman dan Ketertiban Umum Triwulan III 2026", verifier.Content);
        Assert.Contains("pada pesan verifikasinya", verifier.Content);
        Assert.Contains("/buka", verifier.Content);


        // The unit head, whose data now waits on the verifier, owes nothing.
        await Kasi.SendTextAsync("/bantuan");
        Assert.Contains("Tidak ada tugas yang menunggu", (await Kasi.WaitForReplyAsync(m => m.Content.StartsWith("KinerjaBot ", StringComparison.Ordinal), BotHarness.Patience)).Content);
    }
}
