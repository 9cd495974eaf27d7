using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Sandbox;
using KinerjaBot.Tests.EndToEnd;
using KinerjaBot.Tests.Support;
using KinerjaBot.Workflow;
using Xunit.Abstractions;

namespace KinerjaBot.Tests.TelegramChannel;

/// <summary>
/// Issue 16's crash test: two processes of the built bot in webhook mode on one PostgreSQL behind a round-robin
/// balancer, at the bot's real pacing, against a sandbox that measures Telegram's limits. A whole period is split
/// between them, the process holding the sender's lease dies by SIGKILL in the middle, and the survivor finishes.
/// </summary>
/// <remarks>
/// It builds its own webhook + PostgreSQL deployment whatever the pass, so it runs in scripts/test.sh's PostgreSQL
/// pass only (<see cref="PostgresPassFactAttribute"/>): the SQLite and webhook passes would repeat it unchanged.
/// </remarks>
public sealed class TwoProcessesEndToEndTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly Period Quarter = Period.Quarter(2026, 3);
    private static readonly TimeSpan Patience = BotHarness.Patience * 2;
    private BotHarness _bot = null!;
    private TimeSpan? _killedAt;

    public async Task InitializeAsync() => _bot = await BotHarness.StartAsync(instances: 2, processes: true);

    public async Task DisposeAsync()
    {
        // Shown when the test fails: what each process logged up to its end, and what went over Telegram's limits.
        await _bot.StopBotAsync();
        foreach (var log in _bot.ProcessOutputs)
        {
            output.WriteLine(log);
        }

        output.WriteLine($"Limit violations: {_bot.Server.LimitViolations.Count}");
        foreach (var violation in _bot.Server.LimitViolations)
        {
            output.WriteLine(violation.ToString());
        }

        // And every counted request to those chats, as the server timed them, to see which sends came too close.
        foreach (var chatId in _bot.Server.LimitViolations.Select(v => v.ChatId).Distinct())
        {
            output.WriteLine($"Requests to chat {chatId} (server time since it started; the sender was killed after the request answered at {_killedAt}):");
            foreach (var request in _bot.Server.RequestLog.Where(r => r.ChatId == chatId && r.Method is not "answerCallbackQuery"))
            {
                output.WriteLine($"  #{request.Sequence} {request.Method} received {request.ReceivedAt} answered {request.CompletedAt} status {request.StatusCode}");
            }
        }

        await _bot.DisposeAsync();
    }

    [PostgresPassFact]
    public async Task A_period_split_between_two_processes_with_the_sender_killed_midway_is_stored_applied_and_delivered_once_within_telegrams_limits()
    {
        var office = SampleOffice.Configuration;
        var trantib = office.Unit("trantib");

        // Everyone registers at once and two units fill in: their updates alternate between the two processes.
        await Task.WhenAll(office.Officials.Select(o => _bot.RegisterAsync(o.Id)));
        await _bot.OpenPeriodAsync(Quarter.Id);
        await Task.WhenAll(
            OfficeScript.SubmitUnitAsync(_bot, Quarter, "trantib", firstTime: true),
            OfficeScript.SubmitUnitAsync(_bot, Quarter, "pemerintahan", firstTime: true));
        Assert.All(_bot.AnsweredByInstance, answered => Assert.True(answered > 0, "Both processes should have taken updates."));

        // A double tap of Setujui: the two presses are pushed at the same moment over two connections, so one
        // process applies the first while the other applies the second.
        var verifier = _bot.Official(trantib.VerifierIds[0]);
        var details = await _bot.Server.WaitForBotMessageAsync(verifier.ChatId, m => m.Content.Contains($"Verifikasi data {trantib.Name}") && m.FindButton("Setujui") is not null, Patience);
        var pemerintahan = office.Unit("pemerintahan");
        Assert.Equal(verifier.UserId, _bot.Official(pemerintahan.VerifierIds.Single()).UserId);
        var pemDetails = await _bot.Server.WaitForBotMessageAsync(verifier.ChatId, m => m.Content.Contains($"Verifikasi data {pemerintahan.Name}") && m.FindButton("Setujui") is not null, Patience);
        await WaitUntilQuietAsync();
        var before = _bot.AnsweredByInstance.ToArray();
        var approve = details.FindButton("Setujui")!.CallbackData!;
        await verifier.PressButtonAsync(details.MessageId, approve);
        var secondPress = await verifier.PressButtonAsync(details.MessageId, approve);
        await WaitUntilQuietAsync();
        Assert.Equal(before.Select(a => a + 1), _bot.AnsweredByInstance);

        // SIGKILL for the process that sends, at a moment when nothing is on the wire: a send in flight at the kill
        // could only be repeated (Telegram takes no idempotency key), so any duplicate seen below is a bug.
        var sender = await _bot.SenderLeaseHolderAsync();
        Assert.True(sender is not null, $"No instance holds the sender's lease; advisory locks: {string.Join(", ", await _bot.AdvisoryLockHoldersAsync())}");
        _bot.KillInstance(sender.Value);
        _killedAt = _bot.Server.RequestLog[^1].CompletedAt;

        // The same verifier goes on at once, so the survivor's first sends go to the chat the dead sender has just
        // written to (its limiter never saw those). Then Telegram delivers every update of the period so far once
        // more (the balancer finds the dead process gone and hands them to the survivor), and the period goes on
        // through the survivor alone.
        await verifier.PressButtonAsync(pemDetails.MessageId, pemDetails.FindButton("Setujui")!.CallbackData!);
        for (var updateId = 1L; updateId <= secondPress; updateId++)
        {
            _bot.Server.RedeliverUpdate(updateId);
        }

        var second = _bot.Official(trantib.VerifierIds[1]);
        var next = await _bot.Server.WaitForBotMessageAsync(second.ChatId, m => m.Content.Contains($"Verifikasi data {trantib.Name}") && m.FindButton("Setujui") is not null, Patience);
        await second.PressButtonAsync(next.MessageId, next.FindButton("Setujui")!.CallbackData!);
        await _bot.Official(trantib.HeadId).WaitForReplyAsync(m => m.Content.Contains("telah terverifikasi"), Patience);
        await _bot.Official(pemerintahan.HeadId).WaitForReplyAsync(m => m.Content.Contains("telah terverifikasi"), Patience);
        await Task.WhenAll(new[] { "pmd", "kesos", "umum" }.Select(unit => OfficeScript.CompleteUnitAsync(_bot, Quarter, unit, firstTime: true)));
        await OfficeScript.SignReportAsync(_bot);
        await _bot.Official(office.Roles.HeadId).WaitForReplyAsync(m => m.Content.Contains("telah ditandatangani") && m.Document is not null, Patience);
        await WaitUntilQuietAsync();

        // Every value stored once (the required photo adds one row to its value), every transition applied once.
        foreach (var unit in office.Units)
        {
            var (instance, audit, history) = await _bot.ReadStoreAsync(async t =>
            {
                var found = (await t.Workflows.FindAsync(WorkflowKind.UnitSubmission, Quarter.Id, unit.Id, default))!;
                var values = new List<(Indicator Indicator, int Rows)>();
                foreach (var indicator in office.IndicatorsFor(unit.Id, Quarter))
                {
                    values.Add((indicator, (await t.Values.HistoryAsync(found.Id, indicator.Code, default)).Count));
                }

                return (found, await t.Audit.ForInstanceAsync(found.Id, default), values);
            });
            Assert.Equal(UnitSubmissionWorkflow.Verified, instance.State);
            Assert.Equal([WorkflowTrigger.Start, WorkflowTrigger.Submit, .. unit.VerifierIds.Select(_ => WorkflowTrigger.Approve)], audit.Select(a => a.Trigger));
            Assert.All(history, h => Assert.Equal(h.Indicator.Evidence == EvidenceRule.Required ? 2 : 1, h.Rows));
        }

        var report = await _bot.ReadStoreAsync(async t =>
        {
            var found = (await t.Workflows.FindAsync(WorkflowKind.OfficeReport, Quarter.Id, null, default))!;
            return (found.State, Audit: await t.Audit.ForInstanceAsync(found.Id, default));
        });
        Assert.Equal(OfficeReportWorkflow.Signed, report.State);
        Assert.Equal([WorkflowTrigger.OpenReport, WorkflowTrigger.Approve, WorkflowTrigger.Approve, WorkflowTrigger.Approve], report.Audit.Select(a => a.Trigger));

        // Every reply delivered once: each chat got exactly one Telegram message per queued message, all of them sent.
        var queued = await QueuedMessagesAsync();
        Assert.All(queued, q => Assert.True(q.SentMessageId is not null, $"A message to chat {q.ChatId} was not sent: {q.Failure}"));
        foreach (var official in office.Officials)
        {
            var chatId = _bot.Official(official.Id).ChatId;
            var delivered = _bot.Server.RequestLog.Where(r => r.Method is "sendMessage" or "sendDocument" && r.StatusCode == 200 && r.ChatId == chatId).ToList();
            var sentIds = queued.Where(q => q.ChatId == chatId).Select(q => q.SentMessageId!.Value).Order().ToList();
            Assert.True(delivered.Count == sentIds.Count, $"{official.Id}: {delivered.Count} messages reached the chat for {sentIds.Count} queued");
            Assert.Equal(sentIds, _bot.Server.Messages(chatId).Where(m => m.Sender == ChatMessageSender.Bot).Select(m => m.MessageId).Order());
        }

        // And the two processes together, across the takeover, kept to 1 s per chat and 30/s.
        Assert.Empty(_bot.Server.LimitViolations);
    }

    /// <summary>No update is waiting at Telegram and nothing queued is unsent: no delivery and no send is on the wire.</summary>
    private async Task WaitUntilQuietAsync()
    {
        var giveUp = DateTime.UtcNow + Patience;
        while (_bot.Server.PendingUpdateCount > 0 || (await QueuedMessagesAsync()).Any(q => q.SentMessageId is null && q.Failure is null))
        {
            Assert.True(DateTime.UtcNow < giveUp, $"Still busy after {Patience}: {_bot.Server.PendingUpdateCount} update(s) not delivered, or messages not sent.");
            await Task.Delay(50);
        }
    }

    /// <summary>The outbox's messages for Telegram chats, with the id Telegram gave each, or why it was given up.</summary>
    private async Task<List<(long ChatId, long? SentMessageId, string? Failure)>> QueuedMessagesAsync()
    {
        await using var connection = await _bot.OpenDatabaseConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT chat_id, sent_message_id, CASE WHEN failed_at IS NULL THEN NULL ELSE COALESCE(last_error, 'failed') END FROM outbox WHERE operation = 'Send' AND channel = 'telegram'";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(long, long?, string?)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return rows;
    }
}
