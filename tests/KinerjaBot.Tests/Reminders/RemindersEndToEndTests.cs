using KinerjaBot.Reminders;
using KinerjaBot.Sandbox;
using KinerjaBot.Tests.EndToEnd;
using KinerjaBot.Tests.Support;
using KinerjaBot.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace KinerjaBot.Tests.Reminders;

/// <summary>
/// Triwulan IV 2026 of the sample office over two weeks of simulated time (Monday 14 to Monday 28 December 2026,
/// WIB; 24–26 December are holidays in the sample config), the whole bot over real HTTP. The fill deadline is
/// Thursday 17 December 17.00. Subbagian Umum submits on day one and is verified; Seksi Trantib starts and stops;
/// the other three never start. Each step moves the clock and runs a scheduler pass, then reads what each
/// official's phone received.
/// </summary>
public sealed class RemindersEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    private static readonly string[] Everyone = ["staf-pk", "kasubbag-pk", "sekcam", "camat", "kasi-pem", "kasi-trantib", "kasi-pmd", "kasi-kesos", "kasubbag-umum"];
    private static readonly string[] LateHeads = ["kasi-pem", "kasi-trantib", "kasi-pmd", "kasi-kesos"];
    private const string FillDeadline = "Kamis, 17 Desember 2026 17.00 WIB";

    private readonly JumpingClock _clock = new(Local(2026, 12, 14, 8, 0));
    private readonly Dictionary<string, int> _seen = [];
    private BotHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync(_clock);
        foreach (var id in Everyone)
        {
            await _bot.RegisterAsync(id);
        }
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Two_weeks_of_a_period_bring_each_reminder_once_at_its_time_and_only_to_who_still_owes()
    {
        // Monday 14 Dec: the period opens; Subbagian Umum fills and submits at 10.00; Trantib starts and stops.
        _clock.JumpTo(Local(2026, 12, 14, 9, 0));
        await _bot.OpenPeriodAsync("2026-TW4");
        await WaitForDeliveryAsync();
        _clock.JumpTo(Local(2026, 12, 14, 10, 0));
        await FillAndSubmitUmumAsync();
        await StartTrantibAsync();
        Checkpoint();

        foreach (var quiet in new[] { Local(2026, 12, 14, 16, 59), Local(2026, 12, 14, 17, 0), Local(2026, 12, 14, 22, 0), Local(2026, 12, 15, 6, 59) })
        {
            await AssertNothingAtAsync(quiet);
        }

        // Tuesday 07.00: only the verifier, whose deadline is today 17.00 (the H-1 slot was before the submission).
        var tuesday = await TickAtAsync(Local(2026, 12, 15, 7, 0));
        var verify = Assert.Single(Assert.Contains("sekcam", tuesday));
        Assert.Equal(["sekcam"], tuesday.Keys);
        Assert.Contains("Data Subbagian Umum dan Kepegawaian — Triwulan IV 2026 menunggu verifikasi Bapak/Ibu", verify.Content);
        Assert.Contains("Batas waktu: Selasa, 15 Desember 2026 17.00 WIB (hari ini).", verify.Content);
        Assert.NotNull(verify.FindButton("Kembalikan"));

        // The reminder's own Setujui finishes the verification.
        _clock.JumpTo(Local(2026, 12, 15, 9, 0));
        var sekcam = _bot.Official("sekcam");
        await sekcam.PressButtonAsync(verify.MessageId, verify.FindButton("Setujui")!.CallbackData!);
        await _bot.Official("kasubbag-umum").WaitForReplyAsync(m => m.Content.Contains("telah terverifikasi"), BotHarness.Patience);
        await WaitForDeliveryAsync();
        Checkpoint();
        await AssertNothingAtAsync(Local(2026, 12, 15, 12, 0));
        await AssertNothingAtAsync(Local(2026, 12, 16, 6, 59));

        // Wednesday 07.00: H-1 to the four heads who still owe their data; Mulai isi where not started, /isi for Trantib.
        var wednesday = await TickAtAsync(Local(2026, 12, 16, 7, 0));
        AssertOneEachTo(wednesday, LateHeads);
        Assert.All(LateHeads, id => Assert.Contains($"Batas waktu: {FillDeadline} (besok).", wednesday[id][0].Content));
        Assert.NotNull(wednesday["kasi-pem"][0].FindButton("Mulai isi"));
        Assert.Contains("Ketik /isi untuk melanjutkan", wednesday["kasi-trantib"][0].Content);
        Assert.Empty(wednesday["kasi-trantib"][0].Buttons);
        await AssertNothingAtAsync(Local(2026, 12, 16, 12, 0));

        // Thursday 07.00: deadline day.
        var thursday = await TickAtAsync(Local(2026, 12, 17, 7, 0));
        AssertOneEachTo(thursday, LateHeads);
        Assert.All(LateHeads, id => Assert.Contains("(hari ini).", thursday[id][0].Content));

        // Friday 07.00: one working day late; the planning official gets one digest listing all four, with Ingatkan each.
        var friday = await TickAtAsync(Local(2026, 12, 18, 7, 0));
        AssertOneEachTo(friday, [.. LateHeads, "kasubbag-pk"]);
        Assert.All(LateHeads, id => Assert.Contains("Sudah terlambat 1 hari kerja.", friday[id][0].Content));
        var digest = friday["kasubbag-pk"][0];
        Assert.Contains("Rekap keterlambatan — Jumat, 18 Desember 2026", digest.Content);
        Assert.Contains("Rudi Hartono, S.Pd.: pengisian data Seksi Pemberdayaan Masyarakat dan Desa (Triwulan IV 2026) — terlambat 1 hari kerja", digest.Content);
        Assert.Contains($"(batas {FillDeadline})", digest.Content);
        Assert.DoesNotContain("Yusuf Pratama", digest.Content);
        Assert.Equal(4, digest.Buttons.Count(b => b.Text.StartsWith("Ingatkan ", StringComparison.Ordinal)));

        // Ingatkan: the planning official nudges Rudi Hartono now; a second press the same day sends nothing more;
        // the same button pressed by someone else is refused.
        _clock.JumpTo(Local(2026, 12, 18, 10, 0));
        Checkpoint();
        var kasubbag = _bot.Official("kasubbag-pk");
        var nudge = digest.FindButton("Ingatkan Rudi Hartono")!;
        await kasubbag.PressButtonAsync(digest.MessageId, nudge.CallbackData!);
        var nudged = await _bot.Official("kasi-pmd").WaitForReplyAsync(m => m.Content.Contains("meminta"), BotHarness.Patience);
        Assert.Contains("Bapak Hendra Saputra, S.E. meminta agar tahap ini segera diselesaikan.", nudged.Content);
        Assert.NotNull(nudged.FindButton("Mulai isi"));
        await _bot.Server.WaitForRequestAsync(r => r.Method == "answerCallbackQuery" && r.Parameter("text")?.Contains("Pengingat terkirim kepada Rudi Hartono") == true, BotHarness.Patience);
        await kasubbag.PressButtonAsync(digest.MessageId, nudge.CallbackData!);
        await _bot.Server.WaitForRequestAsync(r => r.Method == "answerCallbackQuery" && r.Parameter("text")?.Contains("sudah diingatkan hari ini") == true, BotHarness.Patience);
        await sekcam.PressButtonAsync(sekcam.LastBotMessage!.MessageId, nudge.CallbackData!);
        await _bot.Server.WaitForRequestAsync(r => r.Method == "answerCallbackQuery" && r.Parameter("text")?.Contains("bukan untuk") == true, BotHarness.Patience);
        await WaitForDeliveryAsync();
        Assert.Single(Since()["kasi-pmd"]);
        Checkpoint();

        // The weekend is quiet.
        foreach (var quiet in new[] { Local(2026, 12, 18, 17, 0), Local(2026, 12, 19, 7, 0), Local(2026, 12, 19, 10, 0), Local(2026, 12, 20, 7, 0) })
        {
            await AssertNothingAtAsync(quiet);
        }

        // Monday 21 Dec 07.00: two days late, digest again; then a restart in the middle of the morning repeats nothing.
        var monday = await TickAtAsync(Local(2026, 12, 21, 7, 0));
        AssertOneEachTo(monday, [.. LateHeads, "kasubbag-pk"]);
        Assert.All(LateHeads, id => Assert.Contains("Sudah terlambat 2 hari kerja.", monday[id][0].Content));
        await RestartAsync();
        await AssertNothingAtAsync(Local(2026, 12, 21, 7, 30));
        await AssertNothingAtAsync(Local(2026, 12, 21, 7, 59));

        // Monday 08.00: the head's weekly digest, and nothing else.
        var weekly = await TickAtAsync(Local(2026, 12, 21, 8, 0));
        var summary = Assert.Single(Assert.Contains("camat", weekly));
        Assert.Equal(["camat"], weekly.Keys);
        Assert.Contains("Ringkasan mingguan — Triwulan IV 2026", summary.Content);
        Assert.Contains("Subbagian Umum dan Kepegawaian: terverifikasi, 2/2 indikator terisi — dikirim tepat waktu", summary.Content);
        Assert.Contains("Seksi Ketentraman dan Ketertiban Umum: sedang diisi, 1/3 indikator terisi — belum dikirim, terlambat 2 hari kerja", summary.Content);
        Assert.Contains("Seksi Pemerintahan: belum dimulai", summary.Content);
        Assert.Contains("Terverifikasi: 1 dari 5 unit. Dikirim tepat waktu: 1 dari 5 unit.", summary.Content);

        // The bot is down from Monday evening to Tuesday 09.30: Tuesday's 07.00 reminders come when it is back, once.
        _clock.JumpTo(Local(2026, 12, 21, 17, 30));
        await _bot.StopBotAsync();
        Checkpoint();
        _clock.JumpTo(Local(2026, 12, 22, 9, 30));
        await _bot.StartBotAsync();
        // The new host's own start-up pass may already have sent them: count from before the start either way.
        var afterOutage = await TickAtAsync(Local(2026, 12, 22, 9, 30, 1), countFromLastCheckpoint: true);
        AssertOneEachTo(afterOutage, [.. LateHeads, "kasubbag-pk"]);
        Assert.All(LateHeads, id => Assert.Contains("Sudah terlambat 3 hari kerja.", afterOutage[id][0].Content));
        await AssertNothingAtAsync(Local(2026, 12, 22, 10, 0));
        await AssertNothingAtAsync(Local(2026, 12, 22, 22, 0));

        var wednesday23 = await TickAtAsync(Local(2026, 12, 23, 7, 0));
        Assert.All(LateHeads, id => Assert.Contains("Sudah terlambat 4 hari kerja.", Assert.Single(wednesday23[id]).Content));

        // Christmas Eve, Christmas and the 26th are holidays in office.yaml, then the weekend: nothing for four days.
        foreach (var quiet in new[] { Local(2026, 12, 24, 7, 0), Local(2026, 12, 24, 10, 0), Local(2026, 12, 25, 7, 0), Local(2026, 12, 26, 7, 0), Local(2026, 12, 27, 7, 0) })
        {
            await AssertNothingAtAsync(quiet);
        }

        // Monday 28 Dec: the holidays did not count as late days; the weekly digest comes at 08.00 again.
        var monday28 = await TickAtAsync(Local(2026, 12, 28, 7, 0));
        AssertOneEachTo(monday28, [.. LateHeads, "kasubbag-pk"]);
        Assert.All(LateHeads, id => Assert.Contains("Sudah terlambat 5 hari kerja.", monday28[id][0].Content));
        Assert.Contains("terlambat 5 hari kerja", monday28["kasubbag-pk"][0].Content);
        var weekly28 = await TickAtAsync(Local(2026, 12, 28, 8, 0));
        Assert.Equal(["camat"], weekly28.Keys);

        // Nobody who was done ever heard from the scheduler after that.
        var rows = await _bot.ReadStoreAsync(t => t.Reminders.AllAsync(default));
        Assert.DoesNotContain(rows, r => r.RecipientId == "kasubbag-umum");
        Assert.Equal(rows.Count, rows.Select(r => r.Key).Distinct().Count());
    }

    [Fact]
    public async Task The_report_stage_holder_is_reminded_on_the_deadline_day_and_escalated_the_day_after()
    {
        // Monday 14 Dec 09.00: every unit is filled and verified at once, so the report reaches validation (due Tuesday 17.00).
        _clock.JumpTo(Local(2026, 12, 14, 9, 0));
        var period = KinerjaBot.Domain.Period.Quarter(2026, 4);
        await _bot.OpenPeriodAsync(period.Id);
        foreach (var unit in SampleOffice.Configuration.UnitsReporting(period))
        {
            await OfficeScript.CompleteUnitAsync(_bot, period, unit.Id, firstTime: true);
        }

        await _bot.Official("kasubbag-pk").WaitForReplyAsync(m => m.FindButton("Validasi") is not null, BotHarness.Patience);
        await WaitForDeliveryAsync();
        await AssertNothingAtAsync(Local(2026, 12, 14, 16, 0));

        var tuesday = await TickAtAsync(Local(2026, 12, 15, 7, 0));
        var reminder = Assert.Single(Assert.Contains("kasubbag-pk", tuesday));
        Assert.Equal(["kasubbag-pk"], tuesday.Keys);
        Assert.Contains("validasi dan paraf", reminder.Content);
        Assert.Contains("Selasa, 15 Desember 2026 17.00 WIB (hari ini)", reminder.Content);
        Assert.NotNull(reminder.FindButton("Validasi"));

        var wednesday = await TickAtAsync(Local(2026, 12, 16, 7, 0));
        AssertOneEachTo(wednesday, ["kasubbag-pk", "sekcam"]);
        Assert.Contains("Sudah terlambat 1 hari kerja.", wednesday["kasubbag-pk"][0].Content);
        Assert.Contains("Rekap keterlambatan", wednesday["sekcam"][0].Content);
        Assert.Contains("Hendra Saputra, S.E.", wednesday["sekcam"][0].Content);
        Assert.NotNull(wednesday["sekcam"][0].FindButton("Ingatkan Hendra Saputra"));
    }

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute, int second = 0) =>
        new(year, month, day, hour, minute, second, Wib);

    private async Task FillAndSubmitUmumAsync()
    {
        var umum = _bot.Official("kasubbag-umum");
        await umum.WaitForReplyAsync(m => m.FindButton("Mulai isi") is not null, BotHarness.Patience);
        await umum.PressButtonAsync("Mulai isi");
        await umum.WaitForReplyAsync(m => m.Content.Contains("IK-5.1"), BotHarness.Patience);
        await umum.SendTextAsync("96");
        await umum.WaitForReplyAsync(m => m.Content.Contains("Indikator 2 dari 2"), BotHarness.Patience);
        await umum.SendTextAsync("140");
        await umum.WaitForReplyAsync(m => m.FindButton("Lewati") is not null, BotHarness.Patience);
        await umum.PressButtonAsync("Lewati");
        await umum.WaitForReplyAsync(m => m.FindButton("Kirim") is not null, BotHarness.Patience);
        await umum.PressButtonAsync("Kirim");
        await umum.WaitForReplyAsync(m => m.Content.Contains("telah dikirim kepada"), BotHarness.Patience);
        await _bot.Official("sekcam").WaitForReplyAsync(m => m.Content.Contains("Batas waktu verifikasi: Selasa, 15 Desember 2026 17.00 WIB"), BotHarness.Patience);
    }

    private async Task StartTrantibAsync()
    {
        var kasi = _bot.Official("kasi-trantib");
        await kasi.PressButtonAsync("Mulai isi");
        await kasi.WaitForReplyAsync(m => m.Content.Contains("IKU-2"), BotHarness.Patience);
        await kasi.SendTextAsync("50");
        await kasi.WaitForReplyAsync(m => m.FindButton("Lewati") is not null, BotHarness.Patience);
        var instance = await _bot.ReadStoreAsync(t => t.Workflows.FindAsync(WorkflowKind.UnitSubmission, "2026-TW4", "trantib", default));
        Assert.Equal(UnitSubmissionWorkflow.Filling, instance!.State);
        await WaitForDeliveryAsync();
    }

    private async Task RestartAsync()
    {
        await _bot.StopBotAsync();
        await _bot.StartBotAsync();
    }

    /// <summary>Moves the clock, runs one scheduler pass, waits until the outbox is sent, and returns what each official got.</summary>
    private async Task<Dictionary<string, List<ChatMessage>>> TickAtAsync(DateTimeOffset localTime, bool countFromLastCheckpoint = false)
    {
        if (!countFromLastCheckpoint)
        {
            Checkpoint();
        }

        if (localTime > _clock.GetUtcNow())
        {
            _clock.JumpTo(localTime);
        }

        await _bot.Services.GetRequiredService<ReminderScheduler>().TickAsync(default);
        await WaitForDeliveryAsync();
        var received = Since();
        Checkpoint();
        return received;
    }

    private async Task AssertNothingAtAsync(DateTimeOffset localTime)
    {
        var received = await TickAtAsync(localTime);
        Assert.True(received.Count == 0, $"Expected no messages at {localTime:ddd dd MMM HH:mm}, got: {string.Join("; ", received.Select(r => $"{r.Key}: {r.Value[0].Content}"))}");
    }

    private static void AssertOneEachTo(Dictionary<string, List<ChatMessage>> received, string[] officials)
    {
        Assert.Equal(officials.Order(StringComparer.Ordinal), received.Keys.Order(StringComparer.Ordinal));
        Assert.All(received.Values, messages => Assert.Single(messages));
    }

    private void Checkpoint()
    {
        foreach (var id in Everyone)
        {
            _seen[id] = _bot.Official(id).Messages.Count(m => m.Sender == ChatMessageSender.Bot);
        }
    }

    private Dictionary<string, List<ChatMessage>> Since() =>
        Everyone
            .Select(id => (id, messages: _bot.Official(id).Messages.Where(m => m.Sender == ChatMessageSender.Bot).Skip(_seen.GetValueOrDefault(id)).ToList()))
            .Where(x => x.messages.Count > 0)
            .ToDictionary(x => x.id, x => x.messages);

    private async Task WaitForDeliveryAsync()
    {
        var until = DateTime.UtcNow + BotHarness.Patience;
        while ((await _bot.ReadStoreAsync(t => t.Outbox.PendingAsync(1, default))).Count > 0)
        {
            Assert.True(DateTime.UtcNow < until, "The outbox was not sent in time.");
            await Task.Delay(20);
        }
    }
}
