using KinerjaBot.Domain;
using KinerjaBot.Sandbox;
using KinerjaBot.Workflow;

namespace KinerjaBot.Tests.EndToEnd;

/// <summary>A unit head who types /isi instead of pressing Mulai isi is taken straight into filling.</summary>
public sealed class IsiBeforeStartingEndToEndTests : IAsyncLifetime
{
    private static readonly Period Period = Period.Quarter(2026, 3);

    private BotHarness _bot = null!;

    private SimulatedUser Kasi => _bot.Official("kasi-trantib");

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync();
        foreach (var id in new[] { "staf-pk", "kasi-trantib" })
        {
            await _bot.RegisterAsync(id);
        }

        await _bot.OpenPeriodAsync(Period.Id);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Isi_before_mulai_isi_starts_filling_and_asks_the_first_indicator()
    {
        var opening = await Kasi.WaitForReplyAsync(m => m.FindButton("Mulai isi") is not null, BotHarness.Patience);

        await Kasi.SendTextAsync("/isi");
        var question = await Kasi.WaitForReplyAsync(_ => true, BotHarness.Patience);
        Assert.Contains("Indikator 1 dari 3", question.Content);
        Assert.Contains("IKU-2", question.Content);

        // Started through the workflow like the press: the state moved and the audit names the unit head.
        var instance = (await _bot.ReadStoreAsync(t => t.Workflows.FindAsync(WorkflowKind.UnitSubmission, Period.Id, "trantib", default)))!;
        Assert.Equal(UnitSubmissionWorkflow.Filling, instance.State);
        var audit = await _bot.ReadStoreAsync(t => t.Audit.ForInstanceAsync(instance.Id, default));
        Assert.Contains(audit, a => a.Trigger == WorkflowTrigger.Start && a.ActorId == "kasi-trantib");

        // The number typed next is the answer, not "Ketik /isi untuk mengisi data".
        await Kasi.SendTextAsync("70");
        var readBack = await Kasi.WaitForReplyAsync(_ => true, BotHarness.Patience);
        Assert.Contains("Tercatat", readBack.Content);

        // The old Mulai isi button cannot start it a second time.
        await Kasi.PressButtonAsync(opening.MessageId, opening.FindButton("Mulai isi")!.CallbackData!);
        await _bot.Server.WaitForRequestAsync(r => r.Method == "answerCallbackQuery" && r.Parameter("text")?.Contains("Sudah Bapak/Ibu proses") == true, BotHarness.Patience);
        Assert.Equal(UnitSubmissionWorkflow.Filling, (await _bot.ReadStoreAsync(t => t.Workflows.FindAsync(WorkflowKind.UnitSubmission, Period.Id, "trantib", default)))!.State);
    }
}
