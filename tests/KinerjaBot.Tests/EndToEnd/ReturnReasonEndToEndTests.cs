using KinerjaBot.Domain;
using KinerjaBot.Sandbox;
using KinerjaBot.Workflow;

namespace KinerjaBot.Tests.EndToEnd;

/// <summary>
/// The planning official verifies several units and returns more than one before typing a reason: each return
/// waits for its own reason, and a reason reaches only the unit it was written for.
/// </summary>
public sealed class ReturnReasonEndToEndTests : IAsyncLifetime
{
    private static readonly Period Period = Period.Quarter(2026, 3);

    private BotHarness _bot = null!;

    private SimulatedUser Kasubbag => _bot.Official("kasubbag-pk");

    private SimulatedUser KasiPem => _bot.Official("kasi-pem");

    private SimulatedUser KasiKesos => _bot.Official("kasi-kesos");

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync();
        foreach (var id in new[] { "staf-pk", "kasi-pem", "kasi-kesos", "kasubbag-pk" })
        {
            await _bot.RegisterAsync(id);
        }

        await _bot.OpenPeriodAsync(Period.Id);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Two_kembalikan_pressed_in_a_row_return_each_unit_with_its_own_reason()
    {
        var (pemerintahan, kesos) = await SubmitBothAsync();

        await Kasubbag.PressButtonAsync(pemerintahan.MessageId, pemerintahan.FindButton("Kembalikan")!.CallbackData!);
        await Kasubbag.WaitForReplyAsync(m => m.Content.Contains("alasan pengembalian data Seksi Pemerintahan"), BotHarness.Patience);
        await Kasubbag.PressButtonAsync(kesos.MessageId, kesos.FindButton("Kembalikan")!.CallbackData!);
        var second = await Kasubbag.WaitForReplyAsync(m => m.Content.Contains("alasan pengembalian data Seksi Kesejahteraan Sosial"), BotHarness.Patience);
        Assert.Contains("data Seksi Pemerintahan juga masih ditunggu", second.Content);

        // The reason typed for the first unit is not guessed onto either: the bot asks which unit it is for.
        await Kasubbag.SendTextAsync("Nilai IK-1.1 belum sesuai laporan bulanan.");
        var which = await Kasubbag.WaitForReplyAsync(m => m.FindButton("Seksi Pemerintahan") is not null, BotHarness.Patience);
        Assert.NotNull(which.FindButton("Seksi Kesejahteraan Sosial"));
        Assert.Equal(UnitSubmissionWorkflow.Submitted(1), (await InstanceAsync("pemerintahan")).State);
        Assert.Equal(UnitSubmissionWorkflow.Submitted(1), (await InstanceAsync("kesos")).State);

        await Kasubbag.PressButtonAsync(which.MessageId, which.FindButton("Seksi Pemerintahan")!.CallbackData!);
        var pemReturned = await KasiPem.WaitForReplyAsync(m => m.FindButton("Perbaiki") is not null, BotHarness.Patience);
        Assert.Contains("Alasan: Nilai IK-1.1 belum sesuai laporan bulanan.", pemReturned.Content);

        // The second return is still waiting, and the next reason goes to it alone.
        await Kasubbag.WaitForReplyAsync(m => m.Content.Contains("Masih menunggu alasan pengembalian data Seksi Kesejahteraan Sosial"), BotHarness.Patience);
        await Kasubbag.SendTextAsync("Bukti penyaluran bansos belum dilampirkan.");
        var kesosReturned = await KasiKesos.WaitForReplyAsync(m => m.FindButton("Perbaiki") is not null, BotHarness.Patience);
        Assert.Contains("Alasan: Bukti penyaluran bansos belum dilampirkan.", kesosReturned.Content);

        Assert.DoesNotContain(KasiKesos.Messages, m => m.Content.Contains("IK-1.1 belum sesuai"));
        Assert.DoesNotContain(KasiPem.Messages, m => m.Content.Contains("bansos"));
        Assert.Equal(UnitSubmissionWorkflow.Returned, (await InstanceAsync("pemerintahan")).State);
        Assert.Equal(UnitSubmissionWorkflow.Returned, (await InstanceAsync("kesos")).State);

        // Both verification messages keep a record of their own return in place of the buttons.
        await _bot.Server.WaitForBotMessageAsync(Kasubbag.ChatId, m => m.MessageId == pemerintahan.MessageId && m.Content.Contains("Alasan: Nilai IK-1.1"), BotHarness.Patience);
        await _bot.Server.WaitForBotMessageAsync(Kasubbag.ChatId, m => m.MessageId == kesos.MessageId && m.Content.Contains("Alasan: Bukti penyaluran"), BotHarness.Patience);
    }

    [Fact]
    public async Task Approving_one_unit_while_two_returns_wait_drops_only_that_units_return()
    {
        var (pemerintahan, kesos) = await SubmitBothAsync();
        await Kasubbag.PressButtonAsync(pemerintahan.MessageId, pemerintahan.FindButton("Kembalikan")!.CallbackData!);
        await Kasubbag.WaitForReplyAsync(m => m.Content.Contains("alasan pengembalian data Seksi Pemerintahan"), BotHarness.Patience);
        await Kasubbag.PressButtonAsync(kesos.MessageId, kesos.FindButton("Kembalikan")!.CallbackData!);
        await Kasubbag.WaitForReplyAsync(m => m.Content.Contains("alasan pengembalian data Seksi Kesejahteraan Sosial"), BotHarness.Patience);

        await Kasubbag.PressButtonAsync(pemerintahan.MessageId, pemerintahan.FindButton("Setujui")!.CallbackData!);
        await Kasubbag.WaitForReplyAsync(m => m.Content.Contains("pengembalian data Seksi Pemerintahan dibatalkan karena alasannya belum diisi"), BotHarness.Patience);

        // With one return left, a typed reason goes straight to it.
        await Kasubbag.SendTextAsync("Bukti penyaluran bansos belum dilampirkan.");
        var kesosReturned = await KasiKesos.WaitForReplyAsync(m => m.FindButton("Perbaiki") is not null, BotHarness.Patience);
        Assert.Contains("Alasan: Bukti penyaluran bansos belum dilampirkan.", kesosReturned.Content);
        Assert.Equal(UnitSubmissionWorkflow.Verified, (await InstanceAsync("pemerintahan")).State);
    }

    [Fact]
    public async Task A_one_letter_reason_is_refused_with_how_long_it_must_be_and_returns_nothing()
    {
        var (pemerintahan, _) = await SubmitBothAsync();
        await Kasubbag.PressButtonAsync(pemerintahan.MessageId, pemerintahan.FindButton("Kembalikan")!.CallbackData!);
        await Kasubbag.WaitForReplyAsync(m => m.Content.Contains("alasan pengembalian data Seksi Pemerintahan"), BotHarness.Patience);

        foreach (var tooShort in new[] { "x", "cek lagi", "a b c" })
        {
            await Kasubbag.SendTextAsync(tooShort);
            var refusal = await Kasubbag.WaitForReplyAsync(_ => true, BotHarness.Patience);
            Assert.Contains("paling sedikit 3 kata (10 huruf)", refusal.Content);
        }

        Assert.Equal(UnitSubmissionWorkflow.Submitted(1), (await InstanceAsync("pemerintahan")).State);
        Assert.DoesNotContain(KasiPem.Messages, m => m.Content.Contains("dikembalikan"));

        await Kasubbag.SendTextAsync("Mohon cek lagi IK-1.1.");
        var returned = await KasiPem.WaitForReplyAsync(m => m.FindButton("Perbaiki") is not null, BotHarness.Patience);
        Assert.Contains("Alasan: Mohon cek lagi IK-1.1.", returned.Content);
    }

    [Fact]
    public async Task Batal_cancels_every_waiting_return_and_names_them()
    {
        var (pemerintahan, kesos) = await SubmitBothAsync();
        await Kasubbag.PressButtonAsync(pemerintahan.MessageId, pemerintahan.FindButton("Kembalikan")!.CallbackData!);
        await Kasubbag.WaitForReplyAsync(m => m.Content.Contains("alasan pengembalian data Seksi Pemerintahan"), BotHarness.Patience);
        await Kasubbag.PressButtonAsync(kesos.MessageId, kesos.FindButton("Kembalikan")!.CallbackData!);
        await Kasubbag.WaitForReplyAsync(m => m.Content.Contains("alasan pengembalian data Seksi Kesejahteraan Sosial"), BotHarness.Patience);

        await Kasubbag.SendTextAsync("/batal");
        var cancelled = await Kasubbag.WaitForReplyAsync(_ => true, BotHarness.Patience);

        Assert.Contains("pengembalian data Seksi Pemerintahan dan data Seksi Kesejahteraan Sosial dibatalkan", cancelled.Content);
        Assert.Equal(UnitSubmissionWorkflow.Submitted(1), (await InstanceAsync("pemerintahan")).State);
        Assert.Equal(UnitSubmissionWorkflow.Submitted(1), (await InstanceAsync("kesos")).State);
    }

    private async Task<(ChatMessage Pemerintahan, ChatMessage Kesos)> SubmitBothAsync()
    {
        await OfficeScript.SubmitUnitAsync(_bot, Period, "pemerintahan", firstTime: true);
        await OfficeScript.SubmitUnitAsync(_bot, Period, "kesos", firstTime: true);
        var pemerintahan = await _bot.Server.WaitForBotMessageAsync(Kasubbag.ChatId, m => m.Content.Contains("Verifikasi data Seksi Pemerintahan") && m.FindButton("Kembalikan") is not null, BotHarness.Patience);
        var kesos = await _bot.Server.WaitForBotMessageAsync(Kasubbag.ChatId, m => m.Content.Contains("Verifikasi data Seksi Kesejahteraan Sosial") && m.FindButton("Kembalikan") is not null, BotHarness.Patience);
        return (pemerintahan, kesos);
    }

    private async Task<WorkflowInstance> InstanceAsync(string unitId) =>
        (await _bot.ReadStoreAsync(t => t.Workflows.FindAsync(WorkflowKind.UnitSubmission, Period.Id, unitId, default)))!;
}
