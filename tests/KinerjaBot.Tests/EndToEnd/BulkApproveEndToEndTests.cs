using KinerjaBot.Domain;
using KinerjaBot.Sandbox;
using KinerjaBot.Workflow;

namespace KinerjaBot.Tests.EndToEnd;

/// <summary>A verifier with several submissions approves at once only the ones whose details reached them.</summary>
public sealed class BulkApproveEndToEndTests : IAsyncLifetime
{
    private const string ApproveSeen = "Setujui semua yang sudah saya periksa";

    private static readonly Period Period = Period.Quarter(2026, 3);

    private BotHarness _bot = null!;

    private SimulatedUser Verifier => _bot.Official("kasubbag-pk");

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync();
        foreach (var id in new[] { "staf-pk", "kasubbag-pk", "kasi-pem", "kasi-pmd", "kasi-kesos" })
        {
            await _bot.RegisterAsync(id);
        }

        await _bot.OpenPeriodAsync(Period.Id);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Setujui_semua_rides_on_the_second_details_message_and_approves_the_units_shown_up_to_it_never_one_sent_after_it()
    {
        await OfficeScript.SubmitUnitAsync(_bot, Period, "pemerintahan", firstTime: true);
        await Verifier.WaitForReplyAsync(m => m.Content.Contains("Verifikasi data Seksi Pemerintahan"), BotHarness.Patience);
        Assert.DoesNotContain(Verifier.Messages, m => m.FindButton(ApproveSeen) is not null);

        // No list message of its own: the second unit's details carry the bulk button under their Setujui / Kembalikan.
        await OfficeScript.SubmitUnitAsync(_bot, Period, "pmd", firstTime: true);
        var pmdDetails = await Verifier.WaitForReplyAsync(m => m.FindButton(ApproveSeen) is not null, BotHarness.Patience);
        Assert.Contains("Verifikasi data Seksi Pemberdayaan Masyarakat dan Desa", pmdDetails.Content);
        Assert.Contains("2 data menunggu verifikasi", pmdDetails.Content);
        Assert.DoesNotContain("Seksi Pemerintahan", pmdDetails.Content);
        Assert.NotNull(pmdDetails.FindButton("Kembalikan"));

        // Kesos arrives after that message: pressing the older bulk button must not approve it.
        await OfficeScript.SubmitUnitAsync(_bot, Period, "kesos", firstTime: true);
        var kesosDetails = await Verifier.WaitForReplyAsync(m => m.Content.Contains("Verifikasi data Seksi Kesejahteraan Sosial"), BotHarness.Patience);
        Assert.Contains("3 data menunggu verifikasi", kesosDetails.Content);
        Assert.DoesNotContain(Verifier.Messages, m => m.Content.Contains("data menunggu verifikasi Bapak/Ibu:"));

        await Verifier.PressButtonAsync(pmdDetails.MessageId, CallbackDataOf(pmdDetails));
        var reply = await Verifier.WaitForReplyAsync(m => m.Content.Contains("Disetujui sekaligus oleh"), BotHarness.Patience);
        Assert.Contains("Seksi Pemerintahan", reply.Content);
        Assert.Contains("Seksi Kesejahteraan Sosial", reply.Content.Split("Belum disetujui")[1]);

        Assert.Equal(UnitSubmissionWorkflow.Verified, await StateAsync("pemerintahan"));
        Assert.Equal(UnitSubmissionWorkflow.Verified, await StateAsync("pmd"));
        Assert.Equal(UnitSubmissionWorkflow.Submitted(1), await StateAsync("kesos"));

        // Both approved details messages now say so and offer nothing; the one left keeps its own buttons.
        await _bot.Server.WaitForBotMessageAsync(Verifier.ChatId, m => m.MessageId == pmdDetails.MessageId && m.Content.Contains("✅ Disetujui sekaligus") && m.InlineKeyboard.Count == 0, BotHarness.Patience);
        await _bot.Server.WaitForBotMessageAsync(Verifier.ChatId, m => m.Content.Contains("Verifikasi data Seksi Pemerintahan") && m.Content.Contains("telah terverifikasi") && m.InlineKeyboard.Count == 0, BotHarness.Patience);

        // The audit names the verifier, as for a single Setujui; the unit head is told as usual.
        var pem = (await _bot.ReadStoreAsync(t => t.Workflows.FindAsync(WorkflowKind.UnitSubmission, Period.Id, "pemerintahan", default)))!;
        var audit = await _bot.ReadStoreAsync(t => t.Audit.ForInstanceAsync(pem.Id, default));
        Assert.Contains(audit, a => a.Trigger == WorkflowTrigger.Approve && a.ActorId == "kasubbag-pk");
        await _bot.Official("kasi-pem").WaitForReplyAsync(m => m.Content.Contains("telah terverifikasi"), BotHarness.Patience);

        // Kesos is still approved on its own message, through the same machine; the record is written under it.
        await Verifier.PressButtonAsync(kesosDetails.MessageId, kesosDetails.FindButton("Setujui")!.CallbackData!);
        await Verifier.WaitForReplyAsync(m => m.MessageId == kesosDetails.MessageId && m.Content.Contains("data Seksi Kesejahteraan Sosial telah terverifikasi"), BotHarness.Patience);
        Assert.Equal(UnitSubmissionWorkflow.Verified, await StateAsync("kesos"));
        await AssertNoLiveButtonAsync();
    }

    [Fact]
    public async Task Once_every_unit_is_approved_on_its_own_message_no_bulk_button_is_left_live()
    {
        await OfficeScript.SubmitUnitAsync(_bot, Period, "pemerintahan", firstTime: true);
        var pemDetails = await Verifier.WaitForReplyAsync(m => m.Content.Contains("Verifikasi data Seksi Pemerintahan"), BotHarness.Patience);
        await OfficeScript.SubmitUnitAsync(_bot, Period, "pmd", firstTime: true);
        var pmdDetails = await Verifier.WaitForReplyAsync(m => m.FindButton(ApproveSeen) is not null, BotHarness.Patience);

        foreach (var details in new[] { pemDetails, pmdDetails })
        {
            await Verifier.PressButtonAsync(details.MessageId, details.FindButton("Setujui")!.CallbackData!);
            await Verifier.WaitForReplyAsync(m => m.MessageId == details.MessageId && m.Content.Contains("telah terverifikasi"), BotHarness.Patience);
        }

        await AssertNoLiveButtonAsync();

        // Each Setujui was one rewrite of its message (decision and thanks together), not a rewrite and a message.
        Assert.Equal(2, Verifier.Messages.Count(m => m.Sender == ChatMessageSender.Bot && m.Content.Contains("Verifikasi data")));
        Assert.DoesNotContain(Verifier.Messages, m => m.Sender == ChatMessageSender.Bot && m.Content.StartsWith("Terima kasih, data", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_per_unit_setujui_after_the_bulk_approval_is_stale_and_a_forged_press_by_a_unit_head_approves_nothing()
    {
        await OfficeScript.SubmitUnitAsync(_bot, Period, "pemerintahan", firstTime: true);
        var pemDetails = await Verifier.WaitForReplyAsync(m => m.Content.Contains("Verifikasi data Seksi Pemerintahan"), BotHarness.Patience);
        await OfficeScript.SubmitUnitAsync(_bot, Period, "pmd", firstTime: true);
        var list = await Verifier.WaitForReplyAsync(m => m.FindButton(ApproveSeen) is not null, BotHarness.Patience);

        // A unit head forging the bulk button's data on their own message: they hold no Setujui, nothing moves.
        var head = _bot.Official("kasi-pmd");
        var headMessage = head.Messages.Last(m => m.Sender == ChatMessageSender.Bot);
        await head.PressButtonAsync(headMessage.MessageId, CallbackDataOf(list));
        await _bot.Server.WaitForRequestAsync(r => r.Method == "answerCallbackQuery" && r.Parameter("text")?.Contains("bukan untuk Bapak/Ibu") == true, BotHarness.Patience);
        Assert.Equal(UnitSubmissionWorkflow.Submitted(1), await StateAsync("pmd"));

        await Verifier.PressButtonAsync(list.MessageId, CallbackDataOf(list));
        await Verifier.WaitForReplyAsync(m => m.MessageId == list.MessageId && m.Content.Contains("✅ Disetujui sekaligus"), BotHarness.Patience);
        await _bot.Server.WaitForRequestAsync(r => r.Method == "answerCallbackQuery" && r.Parameter("text")?.Contains("2 data disetujui") == true, BotHarness.Patience);

        // Forged or not, a press on a message the bulk approval already rewrote is refused as processed.
        await Verifier.PressButtonAsync(pemDetails.MessageId, pemDetails.FindButton("Setujui")!.CallbackData!);
        await _bot.Server.WaitForRequestAsync(r => r.Method == "answerCallbackQuery" && r.Parameter("text")?.Contains("Sudah Bapak/Ibu proses") == true, BotHarness.Patience);
        Assert.Equal(UnitSubmissionWorkflow.Verified, await StateAsync("pemerintahan"));
    }

    // Every message in the verifier's chat has lost its buttons once the outbox has nothing left to send.
    private async Task AssertNoLiveButtonAsync()
    {
        await _bot.WaitForOutboxDrainedAsync();
        Assert.All(_bot.Server.Messages(Verifier.ChatId).Where(m => m.Sender == ChatMessageSender.Bot), m => Assert.Empty(m.InlineKeyboard));
    }

    private static string CallbackDataOf(ChatMessage list) => list.FindButton(ApproveSeen)!.CallbackData!;

    private async Task<WorkflowState> StateAsync(string unitId) =>
        (await _bot.ReadStoreAsync(t => t.Workflows.FindAsync(WorkflowKind.UnitSubmission, Period.Id, unitId, default)))!.State;
}
