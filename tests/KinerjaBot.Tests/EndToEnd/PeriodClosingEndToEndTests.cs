using KinerjaBot.Domain;
using KinerjaBot.Sandbox;
using KinerjaBot.Tests.Support;
using KinerjaBot.Workflow;

namespace KinerjaBot.Tests.EndToEnd;

/// <summary>
/// /tutup over real HTTP: a period opened by mistake is closed with a reason and a confirmation while nothing is
/// verified; the unit heads (and a verifier holding a unit) are told, their old buttons are answered as stale, the
/// audit keeps the closing, and /buka opens the period again. After a verification the closing is refused.
/// </summary>
public sealed class PeriodClosingEndToEndTests : IAsyncLifetime
{
    private static readonly Period Period = Period.Quarter(2026, 3);
    private const string Reason = "salah buka periode, seharusnya triwulan IV";

    private BotHarness _bot = null!;

    private SimulatedUser Operator => _bot.Official("staf-pk");

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
    public async Task Closing_before_any_verification_tells_the_unit_heads_stales_their_buttons_and_the_period_opens_again()
    {
        var head = _bot.Official("kasi-pem");
        var opening = await head.WaitForReplyAsync(m => m.FindButton("Mulai isi") is not null, BotHarness.Patience);

        // Subbagian Umum is sent to its verifier, who now holds a Setujui button.
        await OfficeScript.SubmitUnitAsync(_bot, Period, "umum", firstTime: true);
        var sekcam = _bot.Official("sekcam");
        var verification = await sekcam.WaitForReplyAsync(m => m.FindButton("Setujui") is not null, BotHarness.Patience);

        await Operator.SendTextAsync($"/tutup {Period.Id}");
        await Operator.WaitForReplyAsync(m => m.Content.Contains("Mohon ketik alasan penutupan Triwulan III 2026"), BotHarness.Patience);
        await Operator.SendTextAsync("keliru");
        await Operator.WaitForReplyAsync(m => m.Content.Contains("Alasan terlalu singkat"), BotHarness.Patience);
        await Operator.SendTextAsync(Reason);
        var confirm = await Operator.WaitForReplyAsync(m => m.FindButton("Ya, tutup") is not null, BotHarness.Patience);
        Assert.Contains($"Alasan: {Reason}", confirm.Content);
        Assert.NotNull(confirm.FindButton("Batal"));
        await Operator.PressButtonAsync(confirm.MessageId, confirm.FindButton("Ya, tutup")!.CallbackData!);
        await Operator.WaitForReplyAsync(m => m.Content.Contains("Triwulan III 2026 ditutup (5 unit)"), BotHarness.Patience);

        foreach (var unit in SampleOffice.Configuration.Units)
        {
            var told = await _bot.Official(unit.HeadId).WaitForReplyAsync(m => m.Content.Contains("Pengumpulan data Triwulan III 2026 ditutup"), BotHarness.Patience);
            Assert.Contains($"Alasan: {Reason}", told.Content);
            Assert.Contains("Dewi Lestari", told.Content);
        }

        await sekcam.WaitForReplyAsync(m => m.Content.Contains("Pengumpulan data Triwulan III 2026 ditutup"), BotHarness.Patience);

        // The buttons they still hold no longer work.
        await head.PressButtonAsync(opening.MessageId, opening.FindButton("Mulai isi")!.CallbackData!);
        Assert.Equal("Periode ini sudah ditutup; tombol ini tidak berlaku lagi.", await _bot.WaitForPressAnswerAsync(head, opening.MessageId));
        await sekcam.PressButtonAsync(verification.MessageId, verification.FindButton("Setujui")!.CallbackData!);
        Assert.Equal("Periode ini sudah ditutup; tombol ini tidak berlaku lagi.", await _bot.WaitForPressAnswerAsync(sekcam, verification.MessageId));

        await Operator.SendTextAsync("/status");
        await Operator.WaitForReplyAsync(m => m.Content.Contains("Seksi Pemerintahan: ditutup"), BotHarness.Patience);

        // The audit keeps who closed it and why.
        var audit = await _bot.ReadStoreAsync(async tx =>
        {
            var umum = await tx.Workflows.FindAsync(WorkflowKind.UnitSubmission, Period.Id, "umum", default);
            return (umum!.State, (await tx.Audit.ForInstanceAsync(umum.Id, default)).Last());
        });
        Assert.Equal(UnitSubmissionWorkflow.Closed, audit.State);
        Assert.Equal((WorkflowTrigger.Close, "staf-pk", Reason), (audit.Item2.Trigger, audit.Item2.ActorId, audit.Item2.Reason));

        // Opened again, every head gets a fresh Mulai isi that works.
        await _bot.OpenPeriodAsync(Period.Id);
        var again = await head.WaitForReplyAsync(m => m.FindButton("Mulai isi") is not null && m.MessageId > opening.MessageId, BotHarness.Patience);
        await head.PressButtonAsync(again.MessageId, again.FindButton("Mulai isi")!.CallbackData!);
        var firstIndicator = SampleOffice.Configuration.IndicatorsFor("pemerintahan", Period)[0];
        await head.WaitForReplyAsync(m => m.Content.Contains($"{firstIndicator.Code} {firstIndicator.Name}"), BotHarness.Patience);
    }

    [Fact]
    public async Task Closing_after_a_unit_was_verified_is_refused_with_the_reason()
    {
        await OfficeScript.CompleteUnitAsync(_bot, Period, "umum", firstTime: true);

        await Operator.SendTextAsync($"/tutup {Period.Id}");
        var refusal = await Operator.WaitForReplyAsync(m => m.Content.Contains("tidak dapat ditutup"), BotHarness.Patience);
        Assert.Contains("Maaf, Triwulan III 2026 tidak dapat ditutup karena data Subbagian Umum dan Kepegawaian sudah diverifikasi.", refusal.Content);

        // Nothing was closed: a typed text is not taken as a reason.
        await Operator.SendTextAsync(Reason);
        await Operator.WaitForReplyAsync(m => m.Content.Contains("tidak ada pertanyaan yang menunggu jawaban"), BotHarness.Patience);
        var states = await _bot.ReadStoreAsync(async tx => (await tx.Workflows.ListForPeriodAsync(Period.Id, default)).Select(i => i.State).ToList());
        Assert.DoesNotContain(UnitSubmissionWorkflow.Closed, states);
    }

    [Fact]
    public async Task Only_an_operator_may_close_a_period()
    {
        var camat = _bot.Official("camat");
        await camat.SendTextAsync($"/tutup {Period.Id}");
        await camat.WaitForReplyAsync(m => m.Content.Contains("Maaf, perintah /tutup hanya untuk operator."), BotHarness.Patience);
    }
}
