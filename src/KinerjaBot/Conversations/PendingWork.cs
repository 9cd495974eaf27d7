using KinerjaBot.Domain;
using KinerjaBot.Messaging;
using KinerjaBot.Workflow;

namespace KinerjaBot.Conversations;

/// <summary>
/// What an official owes right now in the open periods, as the message that lets them act on it. Used when
/// someone registers after a period opened, and by /isi.
/// </summary>
public sealed class PendingWork(ConversationServices services, FillingFlow filling, VerificationFlow verification, IOfficeReportChain reportChain)
{
    /// <summary>The opening message of a period for one unit head, with Mulai isi.</summary>
    public static MessageText OpeningText(ConversationContext context, SubmissionSnapshot submission, DateTimeOffset fillDeadline)
    {
        var head = context.Office.Official(submission.Unit.HeadId);
        return new MessageText()
            .Plain("Yth. ").Bold(BotTexts.Address(head.Name)).Line(",")
            .Plain("pengumpulan data kinerja ").Bold(submission.Period.DisplayName).Line(" telah dibuka.")
            .Line($"Unit: {submission.Unit.Name}")
            .Line($"Jumlah indikator: {submission.Indicators.Count}")
            .Plain("Batas waktu pengisian: ").BoldLine(IndonesianFormat.DateTime(fillDeadline, context.Office.Office.TimeZone))
            .Line()
            .Plain($"Tekan \"{BotTexts.StartFilling}\" untuk mulai mengisi. Indikator akan ditanyakan satu per satu.");
    }

    public static IReadOnlyList<IReadOnlyList<Choice>> OpeningChoices(SubmissionSnapshot submission) => StartChoices(submission.Instance);

    /// <summary>Mulai isi, for a submission not yet started (the opening message and its reminders).</summary>
    public static IReadOnlyList<IReadOnlyList<Choice>> StartChoices(WorkflowInstance instance) =>
        [[new Choice(BotTexts.StartFilling, CallbackAction.ForTrigger(instance, WorkflowTrigger.Start))]];

    /// <summary>What a unit head in the middle of filling is told (/isi continues; there is no button for it).</summary>
    public static string UnfinishedFillingText(Configuration.Unit unit, Period period) =>
        $"Pengisian data {unit.Name} — {period.DisplayName} belum selesai. Ketik /isi untuk melanjutkan.";

    /// <summary>Sends <paramref name="officialId"/> every item of the open periods that waits for them.</summary>
    public async Task SendAsync(ConversationContext context, string officialId)
    {
        foreach (var period in await context.Transaction.Periods.AllAsync(context.CancellationToken))
        {
            var report = await context.Transaction.Workflows.FindAsync(WorkflowKind.OfficeReport, period.PeriodId, null, context.CancellationToken);
            if (report is not null && OfficeReportWorkflow.StageOf(context.Office, report.State)?.OfficialId == officialId)
            {
                await reportChain.SendStageMessageAsync(context, report);
            }
        }

        foreach (var submission in await WaitingForAsync(context, officialId))
        {
            var state = submission.Instance.State;
            if (submission.Unit.HeadId == officialId && state == UnitSubmissionWorkflow.NotStarted)
            {
                var period = await context.Transaction.Periods.GetAsync(submission.Period.Id, context.CancellationToken);
                await context.SendToAsync(officialId, OpeningText(context, submission, period!.FillDeadline), OpeningChoices(submission));
            }
            else if (submission.Unit.HeadId == officialId && state == UnitSubmissionWorkflow.Returned)
            {
                var returned = (await context.Transaction.Audit.ForInstanceAsync(submission.Instance.Id, context.CancellationToken)).LastOrDefault(a => a.To == UnitSubmissionWorkflow.Returned);
                var by = returned is null ? "verifikator" : context.Office.Officials.FirstOrDefault(o => o.Id == returned.ActorId)?.Name ?? returned.ActorId;
                await VerificationFlow.SendReturnToHeadAsync(context, submission, by, returned?.Reason);
            }
            else if (submission.Unit.HeadId == officialId && state == UnitSubmissionWorkflow.Filling)
            {
                await context.SendToAsync(officialId, MessageText.Of(UnfinishedFillingText(submission.Unit, submission.Period)));
            }
            else if (UnitSubmissionWorkflow.VerifierPosition(state) is { } position && submission.Unit.VerifierIds[position - 1] == officialId)
            {
                await verification.SendToVerifierAsync(context, submission, position);
            }
        }
    }

    /// <summary>/isi: continues the official's own filling where it stands, or says there is nothing to fill.</summary>
    public async Task ResumeFillingAsync(ConversationContext context)
    {
        var own = (await WaitingForAsync(context, context.Me.Id)).Where(s => s.Unit.HeadId == context.Me.Id).ToList();
        var inProgress = own.FirstOrDefault(s => s.Instance.State == UnitSubmissionWorkflow.Filling);
        if (inProgress is not null)
        {
            await filling.ContinueAsync(context, inProgress.Instance.Id);
            return;
        }

        if (own.Count > 0)
        {
            await SendAsync(context, context.Me.Id);
            return;
        }

        // Say where the official's own data is, rather than just "nothing to fill".
        var waiting = await WaitingOnOthersAsync(context);
        await context.ReplyAsync(waiting ?? "Saat ini tidak ada data yang perlu Bapak/Ibu isi. Ketik /status untuk melihat kemajuan periode.");
    }

    private static async Task<string?> WaitingOnOthersAsync(ConversationContext context)
    {
        foreach (var period in await context.Transaction.Periods.AllAsync(context.CancellationToken))
        {
            foreach (var unit in context.Office.Units.Where(u => u.HeadId == context.Me.Id))
            {
                var instance = await context.Transaction.Workflows.FindAsync(WorkflowKind.UnitSubmission, period.PeriodId, unit.Id, context.CancellationToken);
                if (instance is not null && UnitSubmissionWorkflow.VerifierPosition(instance.State) is { } position)
                {
                    var verifier = context.Office.Official(unit.VerifierIds[position - 1]);
                    return $"Data {unit.Name} — {Period.Parse(period.PeriodId).DisplayName} sedang menunggu verifikasi {BotTexts.EndSentence(verifier.Name)} Bapak/Ibu akan diberi tahu bila ada yang perlu diperbaiki.";
                }
            }
        }

        return null;
    }

    private async Task<IReadOnlyList<SubmissionSnapshot>> WaitingForAsync(ConversationContext context, string officialId)
    {
        // Every open period, oldest first: a monthly and a quarterly period may well run side by side (seed 001).
        var result = new List<SubmissionSnapshot>();
        var periods = await context.Transaction.Periods.AllAsync(context.CancellationToken);
        foreach (var period in periods.Reverse())
        {
            foreach (var instance in await context.Transaction.Workflows.ListForPeriodAsync(period.PeriodId, context.CancellationToken))
            {
                // Verified units owe nothing (their Reopen row belongs to report returns, not to anyone's to-do list).
                if (instance.Kind != WorkflowKind.UnitSubmission
                    || instance.State == UnitSubmissionWorkflow.Verified
                    || services.Catalog.For(instance).PermittedFor(instance, officialId).Count == 0)
                {
                    continue;
                }

                if (await SubmissionSnapshot.LoadAsync(context, instance.Id) is { } snapshot)
                {
                    result.Add(snapshot);
                }
            }
        }

        return result;
    }
}
