using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Sandbox;
using KinerjaBot.Tests.Support;
using KinerjaBot.Workflow;

namespace KinerjaBot.Tests.EndToEnd;

/// <summary>
/// /wakil over real HTTP: the head sets a Plt. for the planning official in a short guided conversation; both are
/// told, the verification already waiting moves to the stand-in, who approves it (recorded as acting for the planning
/// official) while the planning official's old button is refused, and once the head ends it early the planning official
/// receives the next verification again.
/// </summary>
public sealed class ActingInChatEndToEndTests : IAsyncLifetime
{
    private static readonly Period Period = Period.Quarter(2026, 3);

    // Wednesday 2 December 2026, 09.00 WIB.
    private readonly JumpingClock _clock = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(7)));
    private BotHarness _bot = null!;

    private SimulatedUser Camat => _bot.Official("camat");

    private SimulatedUser Planning => _bot.Official("kasubbag-pk");

    private SimulatedUser StandIn => _bot.Official("kasubbag-umum");

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync(_clock);
        foreach (var official in SampleOffice.Configuration.Officials)
        {
            await _bot.RegisterAsync(official.Id);
        }
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task The_head_sets_a_plt_in_chat_who_then_verifies_for_the_planning_official_until_it_is_ended_early()
    {
        // Seksi Pemerintahan waits for the planning official's verification when the head sets the Plt.
        await _bot.OpenPeriodAsync(Period.Id);
        await OfficeScript.SubmitUnitAsync(_bot, Period, "pemerintahan", firstTime: true);
        var waiting = await Planning.WaitForReplyAsync(m => m.Content.Contains("Verifikasi data Seksi Pemerintahan") && m.FindButton("Setujui") is not null, BotHarness.Patience);

        await Camat.SendTextAsync("/wakil");
        await Camat.WaitForReplyAsync(m => m.Content.Contains("siapa yang berhalangan?"), BotHarness.Patience);
        await Camat.PressButtonAsync("Kepala Subbagian Perencanaan dan Keuangan");
        await Camat.WaitForReplyAsync(m => m.Content.Contains("Siapa yang menjadi Plt. / Plh. Kepala Subbagian Perencanaan dan Keuangan?"), BotHarness.Patience);
        await Camat.PressButtonAsync("Kepala Subbagian Umum dan Kepegawaian");
        await Camat.WaitForReplyAsync(m => m.FindButton("Plt.") is not null, BotHarness.Patience);
        await Camat.PressButtonAsync("Plt.");
        await Camat.WaitForReplyAsync(m => m.Content.Contains("Mohon ketik tanggal mulai dan selesai"), BotHarness.Patience);

        // A range that ends before it starts is refused and nothing is stored.
        await Camat.SendTextAsync("4-12-2026 s.d. 1-12-2026");
        await Camat.WaitForReplyAsync(m => m.Content.Contains("Tanggal selesai (1 Desember 2026) sebelum tanggal mulai (4 Desember 2026)."), BotHarness.Patience);
        await Camat.SendTextAsync("2-12-2026 s.d. 11-12-2026");
        var summary = await Camat.WaitForReplyAsync(m => m.FindButton("Ya, tetapkan") is not null, BotHarness.Patience);
        Assert.Contains("Tetapkan Yusuf Pratama, S.Sos. sebagai Plt. Kepala Subbagian Perencanaan dan Keuangan mulai 2 Desember 2026 sampai dengan 11 Desember 2026?", summary.Content);
        await Camat.PressButtonAsync(summary.MessageId, summary.FindButton("Ya, tetapkan")!.CallbackData!);
        await Camat.WaitForReplyAsync(m => m.Content.Contains("Tercatat: Plt. Kepala Subbagian Perencanaan dan Keuangan: Yusuf Pratama, S.Sos.") && m.Content.Contains("Keduanya sudah diberi tahu."), BotHarness.Patience);
        await Planning.WaitForReplyAsync(m => m.Content.Contains("bertugas sebagai Plt. Kepala Subbagian Perencanaan dan Keuangan"), BotHarness.Patience);
        await StandIn.WaitForReplyAsync(m => m.Content.Contains("Bapak/Ibu bertugas sebagai Plt. Kepala Subbagian Perencanaan dan Keuangan"), BotHarness.Patience);

        // The step already waiting goes to the stand-in with its buttons; the planning official's old button is answered with who holds it now.
        var handedOver = await StandIn.WaitForReplyAsync(m => m.Content.Contains("Seksi Pemerintahan") && m.FindButton("Setujui") is not null, BotHarness.Patience);
        await Planning.PressButtonAsync(waiting.MessageId, waiting.FindButton("Setujui")!.CallbackData!);
        Assert.Equal(
            "Sampai 11 Desember 2026 tugas ini dilaksanakan oleh Plt. Kepala Subbagian Perencanaan dan Keuangan (Yusuf Pratama, S.Sos.).",
            await _bot.WaitForPressAnswerAsync(Planning, waiting.MessageId));
        await StandIn.PressButtonAsync(handedOver.MessageId, handedOver.FindButton("Setujui")!.CallbackData!);
        await _bot.Official("kasi-pem").WaitForReplyAsync(m => m.Content.Contains("telah terverifikasi"), BotHarness.Patience);
        var approval = await _bot.ReadStoreAsync(async tx =>
        {
            var unit = await tx.Workflows.FindAsync(WorkflowKind.UnitSubmission, Period.Id, "pemerintahan", default);
            return (await tx.Audit.ForInstanceAsync(unit!.Id, default)).Last();
        });
        Assert.Equal(("kasubbag-umum", new ActingCapacity("kasubbag-pk", ActingKind.Plt)), (approval.ActorId, approval.ActingFor));

        // A unit sent during the range goes straight to the stand-in, saying in whose place.
        await OfficeScript.SubmitUnitAsync(_bot, Period, "kesos", firstTime: true);
        var direct = await StandIn.WaitForReplyAsync(m => m.Content.Contains("Verifikasi data Seksi Kesejahteraan Sosial") && m.FindButton("Setujui") is not null, BotHarness.Patience);
        Assert.Contains("Bapak/Ibu menerima ini sebagai Plt. Kepala Subbagian Perencanaan dan Keuangan.", direct.Content);

        // Ended early, the planning official verifies again.
        await Camat.SendTextAsync("/wakil");
        await Camat.WaitForReplyAsync(m => m.FindButton("Akhiri Yusuf Pratama (Plt.)") is not null, BotHarness.Patience);
        await Camat.PressButtonAsync("Akhiri Yusuf Pratama (Plt.)");
        await Planning.WaitForReplyAsync(m => m.Content.Contains("diakhiri oleh Drs. Bagus Wicaksono, M.Si."), BotHarness.Patience);
        await OfficeScript.SubmitUnitAsync(_bot, Period, "pmd", firstTime: true);
        var back = await Planning.WaitForReplyAsync(m => m.Content.Contains("Verifikasi data Seksi Pemberdayaan Masyarakat dan Desa") && m.FindButton("Setujui") is not null, BotHarness.Patience);
        Assert.DoesNotContain("Bapak/Ibu menerima ini sebagai", back.Content);
        Assert.DoesNotContain(StandIn.Messages, m => m.Content.Contains("Verifikasi data Seksi Pemberdayaan Masyarakat dan Desa"));
    }

    [Fact]
    public async Task Only_the_head_or_an_operator_may_set_a_stand_in()
    {
        await Planning.SendTextAsync("/wakil");
        await Planning.WaitForReplyAsync(m => m.Content.Contains("Maaf, perintah /wakil hanya untuk Camat Sukamaju dan operator."), BotHarness.Patience);
    }
}
