using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Reminders;
using KinerjaBot.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using KinerjaBot.Workflow;

namespace KinerjaBot.Tests.EndToEnd;

/// <summary>
/// Seksi Trantib's data for Triwulan III 2026 travels the whole unit workflow over real HTTP: opened by the
/// operator, filled with mistakes on the way, returned by the first verifier, fixed, and approved by both.
/// </summary>
public sealed class FillingAndVerificationEndToEndTests : IAsyncLifetime
{
    private static readonly byte[] Photo = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 0xFF, 0xD9];

    private BotHarness _bot = null!;

    private SimulatedUser Kasi => _bot.Official("kasi-trantib");

    private SimulatedUser Kasubbag => _bot.Official("kasubbag-pk");

    private SimulatedUser Sekcam => _bot.Official("sekcam");

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync();
        foreach (var id in new[] { "staf-pk", "kasi-trantib", "kasubbag-pk", "sekcam" })
        {
            await _bot.RegisterAsync(id);
        }
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_submission_is_filled_returned_fixed_and_verified_by_both_verifiers_in_order()
    {
        await OpenPeriodAndStartFillingAsync();

        // Bad inputs are each answered, and nothing is stored.
        foreach (var (input, expected) in new[] { ("tujuh puluh", "angka"), ("-5", "kurang dari 0"), ("150", "100"), ("1.234", "1,234") })
        {
            await Kasi.SendTextAsync(input);
            var answer = await Kasi.WaitForReplyAsync(_ => true, BotHarness.Patience);
            Assert.Contains(expected, answer.Content, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Tercatat", answer.Content);
        }

        Assert.Empty(await ValuesAsync());

        await Kasi.SendTextAsync("72,5\nRazia PKL tiga kali");
        var readBack = await Kasi.WaitForReplyAsync(m => m.Content.Contains("Tercatat"), BotHarness.Patience);
        Assert.Contains("IKU-2 = 72,5 %", readBack.Content);
        Assert.Contains("capaian 103,57 %", readBack.Content);
        await Kasi.WaitForReplyAsync(m => m.FindButton("Lewati") is not null, BotHarness.Patience);
        await Kasi.PressButtonAsync("Lewati");

        await Kasi.WaitForReplyAsync(m => m.Content.Contains("IK-2.1"), BotHarness.Patience);
        await Kasi.SendTextAsync("9");
        var lower = await Kasi.WaitForReplyAsync(m => m.Content.Contains("Tercatat"), BotHarness.Patience);
        Assert.Contains("capaian 87,5 %", lower.Content);

        // The read-back and the next question are one message: Telegram's one-a-second pacing would otherwise
        // show the question a second after the read-back.
        Assert.Contains("Indikator 3 dari 3", lower.Content);

        await Kasi.WaitForReplyAsync(m => m.Content.Contains("IK-2.2"), BotHarness.Patience);
        await Kasi.SendTextAsync("24");
        await Kasi.WaitForReplyAsync(m => m.Content.Contains("(wajib)"), BotHarness.Patience);
        await Kasi.SendPhotoAsync(Photo);
        var summary = await Kasi.WaitForReplyAsync(m => m.Content.Contains("Ringkasan"), BotHarness.Patience);
        Assert.NotNull(summary.FindButton("Ubah IKU-2"));
        Assert.NotNull(summary.FindButton("Kirim"));

        await Kasi.PressButtonAsync("Kirim");
        await Kasi.WaitForReplyAsync(m => m.Content.Contains("telah dikirim kepada Hendra Saputra"), BotHarness.Patience);
        Assert.Empty(Kasi.Messages.Single(m => m.MessageId == summary.MessageId).Buttons);

        // The first verifier sees values, capaian, the note and the evidence.
        var toVerify = await Kasubbag.WaitForReplyAsync(m => m.Content.Contains("Verifikasi data Seksi Ketentraman"), BotHarness.Patience);
        Assert.Contains("72,5 %", toVerify.Content);
        Assert.Contains("Razia PKL tiga kali", toVerify.Content);
        Assert.Contains(Kasubbag.Messages, m => m.Document is not null && m.Content.Contains("Bukti IK-2.2"));

        // A press by someone else (a forged button in the second verifier's own chat) is refused and changes nothing.
        var approve = toVerify.FindButton("Setujui")!;
        await Sekcam.PressButtonAsync(Sekcam.LastBotMessage!.MessageId, approve.CallbackData!);
        await _bot.Server.WaitForRequestAsync(r => r.Method == "answerCallbackQuery" && r.Parameter("text")?.Contains("bukan untuk") == true, BotHarness.Patience);
        Assert.Equal(UnitSubmissionWorkflow.Submitted(1), (await InstanceAsync()).State);

        // Return without a reason is not possible: the bot asks for one.
        await Kasubbag.PressButtonAsync("Kembalikan");
        await Kasubbag.WaitForReplyAsync(m => m.Content.Contains("alasan"), BotHarness.Patience);
        await Kasubbag.SendTextAsync("Foto patroli kurang jelas, mohon nilai IKU-2 dicek lagi.");
        await Kasubbag.WaitForReplyAsync(m => m.Content.Contains("dikembalikan kepada Siti Nurhaliza"), BotHarness.Patience);
        Assert.Empty(Kasubbag.Messages.Single(m => m.MessageId == toVerify.MessageId).Buttons);

        // The decided message keeps a record of the decision in place of its buttons.
        await _bot.Server.WaitForBotMessageAsync(Kasubbag.ChatId, m => m.MessageId == toVerify.MessageId && m.Content.Contains("Dikembalikan. Alasan: Foto patroli kurang jelas"), BotHarness.Patience);
        var returned = await Kasi.WaitForReplyAsync(m => m.FindButton("Perbaiki") is not null, BotHarness.Patience);
        Assert.Contains("Foto patroli kurang jelas", returned.Content);

        // Fix only IKU-2; the rest stays.
        await Kasi.PressButtonAsync("Perbaiki");
        var firstSummary = await Kasi.WaitForReplyAsync(m => m.Content.Contains("Revisi ke-2"), BotHarness.Patience);
        await Kasi.PressButtonAsync("Ubah IKU-2");
        await Kasi.WaitForReplyAsync(m => m.Content.Contains("Nilai tersimpan saat ini: 72,5 %"), BotHarness.Patience);
        await Kasi.SendTextAsync("75");
        await Kasi.WaitForReplyAsync(m => m.FindButton("Lewati") is not null, BotHarness.Patience);
        await Kasi.PressButtonAsync("Lewati");
        var secondSummary = await Kasi.WaitForReplyAsync(m => m.Content.Contains("Ringkasan"), BotHarness.Patience);

        // Only the newest summary can be pressed: the one showing the old value lost its buttons.
        await _bot.Server.WaitForBotMessageAsync(Kasi.ChatId, m => m.MessageId == firstSummary.MessageId && !m.Buttons.Any(), BotHarness.Patience);
        Assert.NotNull(Kasi.Messages.Single(m => m.MessageId == secondSummary.MessageId).FindButton("Kirim"));
        await Kasi.PressButtonAsync("Kirim");

        // The verifier sees what changed since the return, approves; the second verifier follows.
        var again = await Kasubbag.WaitForReplyAsync(m => m.Content.Contains("Revisi ke-2") && m.FindButton("Setujui") is not null, BotHarness.Patience);
        Assert.Contains("Diubah dari: 72,5 %", again.Content);
        var staleApprove = again.FindButton("Setujui")!.CallbackData!;
        await Kasubbag.PressButtonAsync("Setujui");
        var second = await Sekcam.WaitForReplyAsync(m => m.Content.Contains("verifikator ke-2 dari 2"), BotHarness.Patience);
        await Kasi.WaitForReplyAsync(m => m.Content.Contains("diteruskan kepada Ratna"), BotHarness.Patience);

        // A double tap on the old button is answered "sudah diproses" and applies nothing.
        await Kasubbag.PressButtonAsync(again.MessageId, staleApprove);
        await _bot.Server.WaitForRequestAsync(r => r.Method == "answerCallbackQuery" && r.Parameter("text")?.Contains("Sudah Bapak/Ibu proses sebelumnya") == true, BotHarness.Patience);

        await Sekcam.PressButtonAsync(second.MessageId, second.FindButton("Setujui")!.CallbackData!);
        await Kasi.WaitForReplyAsync(m => m.Content.Contains("telah terverifikasi"), BotHarness.Patience);

        var instance = await InstanceAsync();
        Assert.Equal(UnitSubmissionWorkflow.Verified, instance.State);
        Assert.Equal(2, instance.Revision);

        // The unchanged photo reached each verifier once, named after its indicator, not again with the fix.
        Assert.Single(Kasubbag.Messages, m => m.Document is not null && m.Content.Contains("Bukti IK-2.2"));
        var sekcamEvidence = Assert.Single(Sekcam.Messages, m => m.Document is not null && m.Content.Contains("Bukti IK-2.2"));
        Assert.StartsWith("bukti-IK-2.2-trantib", sekcamEvidence.Document!.FileName);
        var history = await _bot.ReadStoreAsync(t => t.Values.HistoryAsync(instance.Id, "IKU-2", default));
        Assert.Equal([72.5m, 75m], history.Select(v => v.Value));
        var audit = await _bot.ReadStoreAsync(t => t.Audit.ForInstanceAsync(instance.Id, default));
        Assert.Equal(
            [WorkflowTrigger.Start, WorkflowTrigger.Submit, WorkflowTrigger.Return, WorkflowTrigger.Fix, WorkflowTrigger.Submit, WorkflowTrigger.Approve, WorkflowTrigger.Approve],
            audit.Select(a => a.Trigger));
        Assert.Equal("Foto patroli kurang jelas, mohon nilai IKU-2 dicek lagi.", audit[2].Reason);

        await Kasubbag.SendTextAsync("/status");
        var status = await Kasubbag.WaitForReplyAsync(m => m.Content.Contains("Status Triwulan III 2026"), BotHarness.Patience);
        Assert.Contains("Seksi Ketentraman dan Ketertiban Umum: terverifikasi", status.Content);
        Assert.Contains("Seksi Pemerintahan: belum dimulai", status.Content);
        Assert.Contains("Agus Firmansyah, S.H. (belum mendaftar di KinerjaBot)", status.Content);
    }

    [Fact]
    public async Task The_same_update_delivered_twice_is_applied_once()
    {
        await OpenPeriodAndStartFillingAsync();

        var updateId = await Kasi.SendTextAsync("72,5");
        await Kasi.WaitForReplyAsync(m => m.Content.Contains("Tercatat"), BotHarness.Patience);
        _bot.Server.RedeliverUpdate(updateId);
        await Kasi.SendTextAsync("/status");
        await Kasi.WaitForReplyAsync(m => m.Content.Contains("Status"), BotHarness.Patience);

        Assert.Single(Kasi.Messages, m => m.Content.Contains("Tercatat"));
        var instance = await InstanceAsync();
        Assert.Single(await _bot.ReadStoreAsync(t => t.Values.HistoryAsync(instance.Id, "IKU-2", default)));
    }

    [Fact]
    public async Task A_new_host_on_the_same_data_directory_resumes_at_the_same_indicator()
    {
        await OpenPeriodAndStartFillingAsync();
        await AnswerTheFirstIndicatorAsync("80");

        await _bot.StopBotAsync();
        await _bot.StartBotAsync();

        await Kasi.SendTextAsync("7");
        var readBack = await Kasi.WaitForReplyAsync(m => m.Content.Contains("Tercatat"), BotHarness.Patience);
        Assert.Contains("IK-2.1 = 7 kali", readBack.Content);
        await Kasi.WaitForReplyAsync(m => m.Content.Contains("IK-2.2"), BotHarness.Patience);
    }

    [Fact]
    public async Task An_official_mid_question_when_the_bot_is_upgraded_answers_it_where_they_were()
    {
        await OpenPeriodAndStartFillingAsync();
        await AnswerTheFirstIndicatorAsync("80");
        await _bot.StopBotAsync();

        // What the bot before the typed states stored for this very question.
        var instance = await InstanceAsync();
        await _bot.ReadStoreAsync(async t =>
        {
            await t.Conversations.SaveAsync(Kasi.ChatId, $$"""{"mode":1,"instanceId":{{instance.Id}},"version":null,"indicatorCode":"IK-2.1","pendingValue":null,"pendingNote":null,"backToSummary":false,"trigger":null,"targetUnitId":null,"sourceMessageId":null,"earlierMessageId":null}""", DateTimeOffset.UtcNow, default);
            await t.CommitAsync(default);
            return true;
        });
        await _bot.StartBotAsync();

        await Kasi.SendTextAsync("7");
        var readBack = await Kasi.WaitForReplyAsync(m => m.Content.Contains("Tercatat"), BotHarness.Patience);
        Assert.Contains("IK-2.1 = 7 kali", readBack.Content);
        await Kasi.WaitForReplyAsync(m => m.Content.Contains("IK-2.2"), BotHarness.Patience);
    }

    [Fact]
    public async Task Batal_cancels_the_question_and_isi_resumes_without_losing_answers()
    {
        await OpenPeriodAndStartFillingAsync();
        await AnswerTheFirstIndicatorAsync("80");

        await Kasi.SendTextAsync("/batal");
        await Kasi.WaitForReplyAsync(m => m.Content.Contains("dibatalkan"), BotHarness.Patience);
        await Kasi.SendTextAsync("12");
        var idle = await Kasi.WaitForReplyAsync(_ => true, BotHarness.Patience);
        Assert.Contains("tidak ada pertanyaan", idle.Content);

        await Kasi.SendTextAsync("/isi");
        var resumed = await Kasi.WaitForReplyAsync(m => m.Content.Contains("Indikator"), BotHarness.Patience);
        Assert.Contains("IK-2.1", resumed.Content);
        var instance = await InstanceAsync();
        Assert.Equal(80m, (await _bot.ReadStoreAsync(t => t.Values.CurrentAsync(instance.Id, default)))["IKU-2"].Value);
    }

    [Fact]
    public async Task A_429_from_telegram_is_waited_out_before_the_retry()
    {
        await OpenPeriodAndStartFillingAsync();
        _bot.Server.InjectFault("sendMessage", BotApiFault.TooManyRequests(2));

        await Kasi.SendTextAsync("72,5");
        await Kasi.WaitForReplyAsync(m => m.Content.Contains("Tercatat"), BotHarness.Patience);

        // The sandbox shows the message in the chat before it journals the request that carried it: wait for that too.
        List<RecordedBotRequest> sends = [];
        var giveUp = DateTime.UtcNow + BotHarness.Patience;
        while ((sends = _bot.Server.RequestLog.Where(r => r.Method == "sendMessage" && r.ChatId == Kasi.ChatId).ToList())
            .SkipWhile(r => r.StatusCode != 429).Skip(1).All(r => r.StatusCode is null))
        {
            Assert.True(DateTime.UtcNow < giveUp, "the retry after the 429 was not journaled in time");
            await Task.Delay(20);
        }

        var limited = sends.Single(r => r.StatusCode == 429);
        var retry = sends.First(r => r.Sequence > limited.Sequence);
        // CompletedAt is stamped just before the 429 is written, so the bot starts its wait a moment after it; the
        // few milliseconds of slack only absorb clock granularity, while an early retry would be short by seconds.
        var gap = retry.ReceivedAt - limited.CompletedAt;
        Assert.True(gap >= TimeSpan.FromSeconds(2) - TimeSpan.FromMilliseconds(20), $"The retry came {gap} after the 429 with retry_after 2.");
    }

    [Fact]
    public async Task A_photo_sent_with_the_number_as_its_caption_stores_both_value_and_evidence()
    {
        await OpenPeriodAndStartFillingAsync();
        await AnswerUpToTheLastIndicatorAsync();

        await Kasi.SendPhotoAsync(Photo, caption: "24");

        var readBack = await Kasi.WaitForReplyAsync(m => m.Content.Contains("Tercatat"), BotHarness.Patience);
        Assert.Contains("IK-2.2 = 24 kali", readBack.Content);
        Assert.Contains("Bukti untuk IK-2.2 sudah diterima", readBack.Content);
        await Kasi.WaitForReplyAsync(m => m.Content.Contains("Ringkasan"), BotHarness.Patience);
        var stored = (await ValuesAsync())["IK-2.2"];
        Assert.NotNull(stored.EvidencePath);
        Assert.True(File.Exists(Path.Combine(_bot.DataDirectory, stored.EvidencePath!)));
    }

    [Fact]
    public async Task An_empty_file_is_not_accepted_as_evidence_and_a_real_one_still_is()
    {
        await OpenPeriodAndStartFillingAsync();
        await AnswerUpToTheLastIndicatorAsync();
        await Kasi.SendTextAsync("24");
        await Kasi.WaitForReplyAsync(m => m.Content.Contains("(wajib)"), BotHarness.Patience);

        await Kasi.SendDocumentAsync([], "bukti-patroli.pdf", "application/pdf");

        var refusal = await Kasi.WaitForReplyAsync(_ => true, BotHarness.Patience);
        Assert.Contains("kosong (0 byte)", refusal.Content);
        Assert.Null((await ValuesAsync())["IK-2.2"].EvidencePath);

        await Kasi.SendPhotoAsync(Photo);
        await Kasi.WaitForReplyAsync(m => m.Content.Contains("Ringkasan"), BotHarness.Patience);
        Assert.NotNull((await ValuesAsync())["IK-2.2"].EvidencePath);
    }

    [Fact]
    public async Task A_note_typed_on_the_same_line_as_the_number_is_kept_as_the_note()
    {
        await OpenPeriodAndStartFillingAsync();

        await Kasi.SendTextAsync("75 sesuai laporan patroli");

        var readBack = await Kasi.WaitForReplyAsync(m => m.Content.Contains("Tercatat"), BotHarness.Patience);
        Assert.Contains("IKU-2 = 75 %", readBack.Content);
        Assert.Contains("Keterangan: sesuai laporan patroli", readBack.Content);
        Assert.Equal("sesuai laporan patroli", (await ValuesAsync())["IKU-2"].Note);
    }

    [Fact]
    public async Task A_value_is_read_back_exactly_as_stored_and_leading_digits_are_never_stored_with_the_rest_as_a_note()
    {
        await OpenPeriodAndStartFillingAsync();

        await Kasi.SendTextAsync("99,9999");
        var readBack = await Kasi.WaitForReplyAsync(m => m.Content.Contains("Tercatat"), BotHarness.Patience);
        Assert.Contains("IKU-2 = 99,9999 %", readBack.Content);
        Assert.Equal(99.9999m, (await ValuesAsync())["IKU-2"].Value);
        await Kasi.WaitForReplyAsync(m => m.FindButton("Lewati") is not null, BotHarness.Patience);
        await Kasi.PressButtonAsync("Lewati");
        await Kasi.WaitForReplyAsync(m => m.Content.Contains("IK-2.1"), BotHarness.Patience);

        foreach (var (input, expected) in new[] { ("2 jam 15 menit", "bukan jam"), ("1e309", "huruf e"), ("1O0", "huruf O"), ("85 persen", "tidak diisi dalam persen"), ("15 ribuan", "kurang pasti") })
        {
            await Kasi.SendTextAsync(input);
            var answer = await Kasi.WaitForReplyAsync(_ => true, BotHarness.Patience);
            Assert.Contains(expected, answer.Content, StringComparison.Ordinal);
            Assert.DoesNotContain("Tercatat", answer.Content);
        }

        Assert.False((await ValuesAsync()).ContainsKey("IK-2.1"));
        await Kasi.SendTextAsync("9 kali");
        var counted = await Kasi.WaitForReplyAsync(m => m.Content.Contains("Tercatat"), BotHarness.Patience);
        Assert.Contains("IK-2.1 = 9 kali", counted.Content);
        Assert.Null((await ValuesAsync())["IK-2.1"].Note);
    }

    [Fact]
    public async Task Approving_after_pressing_kembalikan_drops_the_pending_return_and_says_so()
    {
        await OpenPeriodAndStartFillingAsync();
        await SubmitTrantibAsync();
        var toVerify = await Kasubbag.WaitForReplyAsync(m => m.FindButton("Setujui") is not null, BotHarness.Patience);

        // The head asking to fill meanwhile is told where the data is.
        await Kasi.SendTextAsync("/isi");
        var where = await Kasi.WaitForReplyAsync(m => m.Content.Contains("menunggu verifikasi"), BotHarness.Patience);
        Assert.Contains("Hendra Saputra, S.E.", where.Content);

        await Kasubbag.PressButtonAsync("Kembalikan");
        await Kasubbag.WaitForReplyAsync(m => m.Content.Contains("alasan"), BotHarness.Patience);
        await Kasubbag.PressButtonAsync(toVerify.MessageId, toVerify.FindButton("Setujui")!.CallbackData!);
        await Kasubbag.WaitForReplyAsync(m => m.Content.Contains("dibatalkan karena alasannya belum diisi"), BotHarness.Patience);
        await Kasubbag.SendTextAsync("Foto kurang jelas");
        var answer = await Kasubbag.WaitForReplyAsync(_ => true, BotHarness.Patience);

        Assert.Contains("tidak ada pertanyaan", answer.Content);
        Assert.Equal(UnitSubmissionWorkflow.Submitted(2), (await InstanceAsync()).State);
        Assert.DoesNotContain(Kasi.Messages, m => m.Content.Contains("Foto kurang jelas"));
    }

    [Fact]
    public async Task Opening_a_period_that_has_not_ended_asks_first_and_batal_opens_nothing()
    {
        var staf = _bot.Official("staf-pk");
        await staf.SendTextAsync("/buka 2027");
        var ask = await staf.WaitForReplyAsync(m => m.FindButton("Ya, buka sekarang") is not null, BotHarness.Patience);
        Assert.Contains("Tahun 2027 belum berakhir (sampai 31 Desember 2027)", ask.Content);

        await staf.PressButtonAsync(ask.MessageId, ask.FindButton("Batal")!.CallbackData!);
        await _bot.Server.WaitForRequestAsync(r => r.Method == "answerCallbackQuery" && r.Parameter("text")?.Contains("dibatalkan") == true, BotHarness.Patience);

        // The question itself says it was cancelled, not only the toast that is gone in a second.
        await _bot.Server.WaitForBotMessageAsync(staf.ChatId, m => m.MessageId == ask.MessageId && !m.Buttons.Any() && m.Content.Contains("Dibatalkan"), BotHarness.Patience);
        Assert.Null(await _bot.ReadStoreAsync(t => t.Periods.GetAsync("2027", default)));
    }

    [Fact]
    public async Task A_second_period_opened_meanwhile_does_not_hide_the_first_one()
    {
        await OpenPeriodAndStartFillingAsync();
        await _bot.OpenPeriodAsync("2026-S2");

        await Kasi.SendTextAsync("/isi");
        var resumed = await Kasi.WaitForReplyAsync(m => m.Content.Contains("Indikator"), BotHarness.Patience);
        Assert.Contains("IKU-2", resumed.Content);
        Assert.Contains("Triwulan III 2026", resumed.Content);

        await Kasi.SendTextAsync("/status");
        var status = await Kasi.WaitForReplyAsync(m => m.Content.Contains("Status"), BotHarness.Patience);
        Assert.Contains("Status Triwulan III 2026", status.Content);
        Assert.Contains("Status Semester II 2026", status.Content);
    }

    [Fact]
    public async Task After_ubah_the_old_summarys_kirim_is_stale_and_the_typed_correction_is_what_gets_sent()
    {
        await OpenPeriodAndStartFillingAsync();
        await AnswerUpToTheLastIndicatorAsync();
        await Kasi.SendPhotoAsync(Photo, caption: "24");
        var summary = await Kasi.WaitForReplyAsync(m => m.FindButton("Kirim") is not null, BotHarness.Patience);
        var oldKirim = summary.FindButton("Kirim")!.CallbackData!;

        await Kasi.PressButtonAsync("Ubah IK-2.1");
        await Kasi.WaitForReplyAsync(m => m.Content.Contains("Nilai tersimpan saat ini: 9 kali"), BotHarness.Patience);

        // The summary showing the old value loses its buttons at once, and a press that still reaches it sends nothing.
        await _bot.Server.WaitForBotMessageAsync(Kasi.ChatId, m => m.MessageId == summary.MessageId && !m.Buttons.Any(), BotHarness.Patience);
        await Kasi.PressButtonAsync(summary.MessageId, oldKirim);
        await _bot.Server.WaitForRequestAsync(r => r.Method == "answerCallbackQuery" && r.Parameter("text")?.Contains("Ringkasan ini sudah tidak berlaku") == true, BotHarness.Patience);
        Assert.Equal(UnitSubmissionWorkflow.Filling, (await InstanceAsync()).State);

        // The correction typed next is stored and a fresh summary with Kirim follows.
        await Kasi.SendTextAsync("8");
        var fresh = await Kasi.WaitForReplyAsync(m => m.Content.Contains("Ringkasan") && m.FindButton("Kirim") is not null, BotHarness.Patience);
        Assert.Contains("Tercatat: IK-2.1 = 8 kali", fresh.Content);
        Assert.DoesNotContain(Kasi.Messages, m => m.Content.Contains("sudah tidak berlaku karena datanya sudah dikirim"));

        await Kasi.PressButtonAsync(fresh.MessageId, fresh.FindButton("Kirim")!.CallbackData!);
        await Kasi.WaitForReplyAsync(m => m.Content.Contains("telah dikirim kepada Hendra Saputra"), BotHarness.Patience);
        Assert.Equal(8m, (await ValuesAsync())["IK-2.1"].Value);
        Assert.Equal(UnitSubmissionWorkflow.Submitted(1), (await InstanceAsync()).State);
    }

    [Fact]
    public async Task A_return_tells_the_unit_head_by_when_the_fix_is_due_the_same_date_the_reminders_count()
    {
        await OpenPeriodAndStartFillingAsync();
        await SubmitTrantibAsync();
        await Kasubbag.WaitForReplyAsync(m => m.FindButton("Kembalikan") is not null, BotHarness.Patience);
        await Kasubbag.PressButtonAsync("Kembalikan");
        await Kasubbag.WaitForReplyAsync(m => m.Content.Contains("alasan"), BotHarness.Patience);
        await Kasubbag.SendTextAsync("Foto patroli kurang jelas, mohon dicek lagi.");
        var returned = await Kasi.WaitForReplyAsync(m => m.FindButton("Perbaiki") is not null, BotHarness.Patience);

        // The date is the one the fix reminders are planned against: fill deadline or one verify duration after the return.
        var finder = _bot.Services.GetRequiredService<OwedWorkFinder>();
        var owed = await _bot.ReadStoreAsync(t => finder.FindAsync(t, default));
        var fix = Assert.Single(owed, o => o.HolderId == "kasi-trantib" && o.Unit?.Id == "trantib");
        var opened = await _bot.ReadStoreAsync(t => t.Periods.GetAsync("2026-TW3", default));
        Assert.True(fix.Deadline >= opened!.FillDeadline);
        var zone = _bot.Services.GetRequiredService<OfficeConfiguration>().Office.TimeZone;
        Assert.Contains($"Batas waktu perbaikan: {IndonesianFormat.DateTime(fix.Deadline, zone)}", returned.Content);
    }

    /// <summary>Answers IKU-2 with <paramref name="value"/> and skips its optional evidence; the bot then asks IK-2.1.</summary>
    private async Task AnswerTheFirstIndicatorAsync(string value)
    {
        await Kasi.SendTextAsync(value);
        await Kasi.WaitForReplyAsync(m => m.FindButton("Lewati") is not null, BotHarness.Patience);
        await Kasi.PressButtonAsync("Lewati");
        await Kasi.WaitForReplyAsync(m => m.Content.Contains("IK-2.1"), BotHarness.Patience);
    }

    /// <summary>Answers IKU-2 (72,5, no evidence) and IK-2.1 (9); the bot then asks IK-2.2.</summary>
    private async Task AnswerUpToTheLastIndicatorAsync()
    {
        await AnswerTheFirstIndicatorAsync("72,5");
        await Kasi.SendTextAsync("9");
        await Kasi.WaitForReplyAsync(m => m.Content.Contains("IK-2.2"), BotHarness.Patience);
    }

    private async Task SubmitTrantibAsync()
    {
        await AnswerUpToTheLastIndicatorAsync();
        await Kasi.SendPhotoAsync(Photo, caption: "24");
        await Kasi.WaitForReplyAsync(m => m.FindButton("Kirim") is not null, BotHarness.Patience);
        await Kasi.PressButtonAsync("Kirim");
    }

    private async Task OpenPeriodAndStartFillingAsync()
    {
        var staf = _bot.Official("staf-pk");
        await staf.SendTextAsync("/buka 2026-TW3");
        var opened = await staf.WaitForReplyAsync(m => m.Content.Contains("dibuka"), BotHarness.Patience);
        Assert.Contains("Triwulan III 2026 dibuka untuk 5 unit", opened.Content);

        var invitation = await Kasi.WaitForReplyAsync(m => m.FindButton("Mulai isi") is not null, BotHarness.Patience);
        Assert.Contains("Triwulan III 2026", invitation.Content);
        Assert.Contains("Jumlah indikator: 3", invitation.Content);
        await Kasi.PressButtonAsync("Mulai isi");
        var question = await Kasi.WaitForReplyAsync(m => m.Content.Contains("IKU-2"), BotHarness.Patience);
        Assert.Contains("Target Triwulan III 2026: 70 %", question.Content);
    }

    private async Task<WorkflowInstance> InstanceAsync() =>
        (await _bot.ReadStoreAsync(t => t.Workflows.FindAsync(WorkflowKind.UnitSubmission, "2026-TW3", "trantib", default)))!;

    private async Task<IReadOnlyDictionary<string, KinerjaBot.Storage.StoredValue>> ValuesAsync()
    {
        var instance = await InstanceAsync();
        return await _bot.ReadStoreAsync(t => t.Values.CurrentAsync(instance.Id, default));
    }
}
