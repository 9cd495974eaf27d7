using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Tests.EndToEnd;
using KinerjaBot.Tests.Support;
using KinerjaBot.Workflow;

namespace KinerjaBot.Tests.TelegramChannel;

/// <summary>
/// Two bot instances on one PostgreSQL behind a round-robin balancer, as a province runs them: updates land on either
/// instance, one of them is stopped without grace in the middle of the period, and the office does not notice.
/// </summary>
public sealed class TwoInstancesEndToEndTests : IAsyncLifetime
{
    private static readonly Period Quarter = Period.Quarter(2026, 3);
    private BotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHarness.StartAsync(instances: 2);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_period_split_between_two_instances_with_one_stopped_midway_applies_every_update_once_and_the_other_carries_on()
    {
        var unit = SampleOffice.Configuration.Unit("trantib");
        foreach (var official in (string[])["staf-pk", unit.HeadId, .. unit.VerifierIds])
        {
            await _bot.RegisterAsync(official);
        }

        await _bot.OpenPeriodAsync(Quarter.Id);
        await OfficeScript.SubmitUnitAsync(_bot, Quarter, "trantib", firstTime: true);
        Assert.All(_bot.AnsweredByInstance, answered => Assert.True(answered > 0, "Both instances should have taken updates."));

        // The first instance (it started first, so it holds the sender's lease) goes away; the other takes over.
        await _bot.StopInstanceAsync(0);
        var first = _bot.Official(unit.VerifierIds[0]);

        // The survivor takes the lease at its next check (every 5 s) and then waits out the stopped sender's last sends
        // (about 4 s, decisions/0018) before it sends: up to ~10 s by design, so this wait allows twice the usual.
        var details = await _bot.Server.WaitForBotMessageAsync(first.ChatId, m => m.Content.Contains($"Verifikasi data {unit.Name}") && m.FindButton("Setujui") is not null, BotHarness.Patience * 2);
        var approve = details.FindButton("Setujui")!.CallbackData!;

        // A double tap, and Telegram delivering the first press again: one approval.
        var press = await first.PressButtonAsync(details.MessageId, approve);
        await first.PressButtonAsync(details.MessageId, approve);
        _bot.Server.RedeliverUpdate(press);
        var second = _bot.Official(unit.VerifierIds[1]);
        var next = await _bot.Server.WaitForBotMessageAsync(second.ChatId, m => m.Content.Contains($"Verifikasi data {unit.Name}") && m.FindButton("Setujui") is not null, BotHarness.Patience);
        await second.PressButtonAsync(next.MessageId, next.FindButton("Setujui")!.CallbackData!);
        var head = _bot.Official(unit.HeadId);
        await head.WaitForReplyAsync(m => m.Content.Contains("telah terverifikasi"), BotHarness.Patience);

        var (instance, audit, history) = await _bot.ReadStoreAsync(async t =>
        {
            var found = (await t.Workflows.FindAsync(WorkflowKind.UnitSubmission, Quarter.Id, "trantib", default))!;
            var entries = await t.Audit.ForInstanceAsync(found.Id, default);
            var values = new List<(Indicator Indicator, int Rows)>();
            foreach (var indicator in SampleOffice.Configuration.IndicatorsFor("trantib", Quarter))
            {
                values.Add((indicator, (await t.Values.HistoryAsync(found.Id, indicator.Code, default)).Count));
            }

            return (found, entries, values);
        });
        Assert.Equal(UnitSubmissionWorkflow.Verified, instance.State);
        Assert.Equal([WorkflowTrigger.Start, WorkflowTrigger.Submit, WorkflowTrigger.Approve, WorkflowTrigger.Approve], audit.Select(a => a.Trigger));
        // One row for the value, and one more where the required photo was attached to it: nothing applied twice.
        Assert.All(history, h => Assert.Equal(h.Indicator.Evidence == EvidenceRule.Required ? 2 : 1, h.Rows));

        // Every message the bot sent reached each chat once. (That only one instance sends at a time is the sender's
        // lease, tested on the store: PostgresStoreTests; here a second sender would only show in a narrow race.)
        foreach (var official in (string[])[unit.HeadId, .. unit.VerifierIds])
        {
            var texts = _bot.Server.Messages(_bot.Official(official).ChatId).Where(m => m.Sender == KinerjaBot.Sandbox.ChatMessageSender.Bot).Select(m => m.Content).ToList();
            Assert.Equal(texts.Count, texts.Distinct().Count());
        }

        Assert.Single(_bot.Server.Messages(head.ChatId), m => m.Content.Contains("telah terverifikasi"));
    }
}
