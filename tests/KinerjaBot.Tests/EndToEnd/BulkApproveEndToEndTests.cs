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
    public async Task Setujui_semua_approves_the_units_shown_before_the_list_and_never_one_sent_after_it()
    {
        await OfficeScript.SubmitUnitAsync(_bot, Period, "pemerintahan", firstTime: true);
        await Verifier.WaitForReplyAsync(m => m.Content.Contains("Verifikasi data Seksi Pemerintahan"), BotHarness.Patience);
        Assert.DoesNotContain(Verifier.Messages, m => m.FindButton(ApproveSeen) is not null);

        await OfficeScript.SubmitUnitAsync(_bot, Period, "pmd", firstTime: true);
        var list = await Verifier.WaitForReplyAsync(m => m.FindButton(ApproveSeen) is not null, BotHarness.Patience);
        Assert.Contains("2 data menunggu verifikasi", list.Content);
        Assert.Contains("Seksi Pemerintahan", list.Content);
        Assert.Contains("Seksi Pemberdayaan Masyarakat dan Desa", list.Content);

        // Kesos arrives after that list: pressing the older list must not approve it.
        await OfficeScript.SubmitUnitAsync(_bot, Period, "kesos", firstTime: true);
        var kesosDetails = await Verifier.WaitForReplyAsync(m => m.Content.Contains("Verifikasi data Seksi Kesejahteraan Sosial"), BotHarness.Patience);
        await Verifier.WaitForReplyAsync(m => m.Content.Contains("3 data menunggu verifikasi"), BotHarness.Patience);

        await Verifier.PressButtonAsync(list.MessageId, CallbackDataOf(list));
        var reply = await Verifier.WaitForReplyAsync(m => m.Content.Contains("Disetujui sekaligus oleh"), BotHarness.Patience);
        Assert.Contains("Seksi Pemerintahan", reply.Content);
        Assert.Contains("Seksi Kesejahteraan Sosial", reply.Content.Split("Belum disetujui")[1]);

        Assert.Equal(UnitSubmissionWorkflow.Verified, await StateAsync("pemerintahan"));
        Assert.Equal(UnitSubmissionWorkflow.Verified, await StateAsync("pmd"));
        Assert.Equal(UnitSubmissionWorkflow.Submitted(1), await StateAsync("kesos"));

        // The audit names the verifier, as for a single Setujui; the unit head is told as usual.
        var pem = (await _bot.ReadStoreAsync(t => t.Workflows.FindAsync(WorkflowKind.UnitSubmission, Period.Id, "pemerintahan", default)))!;
        var audit = await _bot.ReadStoreAsync(t => t.Audit.ForInstanceAsync(pem.Id, default));
        Assert.Contains(audit, a => a.Trigger == WorkflowTrigger.Approve && a.ActorId == "kasubbag-pk");
        await _bot.Official("kasi-pem").WaitForReplyAsync(m => m.Content.Contains("telah terverifikasi"), BotHarness.Patience);

        // Kesos is still approved on its own message, through the same machine.
        await Verifier.PressButtonAsync(kesosDetails.MessageId, kesosDetails.FindButton("Setujui")!.CallbackData!);
        await Verifier.WaitForReplyAsync(m => m.Content.Contains("data Seksi Kesejahteraan Sosial telah terverifikasi"), BotHarness.Patience);
        Assert.Equal(UnitSubmissionWorkflow.Verified, await StateAsync("kesos"));
    }

    [Fact]
    public async Task A_per_unit_setujui_after_the_bulk_approval_is_stale_and_a_forged_press_by_a_unit_head_approves_nothing()
    {
        await OfficeScript.SubmitUnitAsync(_bot, Period, "pemerintahan", firstTime: true);
        var pemDetails = await Verifier.WaitForReplyAsync(m => m.Content.Contains("Verifikasi data Seksi Pemerintahan"), BotHarness.Patience);
        await OfficeScript.SubmitUnitAsync(_bot, Period, "pmd", firstTime: true);
        var list = await Verifier.WaitForReplyAsync(m => m.FindButton(ApproveSeen) is not null, BotHarness.Patience);

        // A unit head forging the list's data on their own message: they hold no Setujui, nothing moves.
        var head = _bot.Official("kasi-pmd");
        var headMessage = head.Messages.Last(m => m.Sender == ChatMessageSender.Bot);
        await head.PressButtonAsync(headMessage.MessageId, CallbackDataOf(list));
        await _bot.Server.WaitForRequestAsync(r => r.Method == "answerCallbackQuery" && r.Parameter("text")?.Contains("bukan untuk Bapak/Ibu") == true, BotHarness.Patience);
        Assert.Equal(UnitSubmissionWorkflow.Submitted(1), await StateAsync("pmd"));

        await Verifier.PressButtonAsync(list.MessageId, CallbackDataOf(list));
        await Verifier.WaitForReplyAsync(m => m.Content.Contains("Disetujui sekaligus oleh"), BotHarness.Patience);

        await Verifier.PressButtonAsync(pemDetails.MessageId, pemDetails.FindButton("Setujui")!.CallbackData!);
        await _bot.Server.WaitForRequestAsync(r => r.Method == "answerCallbackQuery" && r.Parameter("text")?.Contains("Sudah Bapak/Ibu proses") == true, BotHarness.Patience);
        Assert.Equal(UnitSubmissionWorkflow.Verified, await StateAsync("pemerintahan"));
    }

    private static string CallbackDataOf(ChatMessage list) => list.FindButton(ApproveSeen)!.CallbackData!;

    private async Task<WorkflowState> StateAsync(string unitId) =>
        (await _bot.ReadStoreAsync(t => t.Workflows.FindAsync(WorkflowKind.UnitSubmission, Period.Id, unitId, default)))!.State;
}
