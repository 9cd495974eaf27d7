using KinerjaBot.Actions;
using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Messaging;
using KinerjaBot.Workflow;

namespace KinerjaBot.Conversations;

/// <summary>
/// What an official owes right now in the open periods, as the message that lets them act on it. Used when
/// someone registers after a period opened, and by /isi.
/// </summary>
public sealed class PendingWork(ConversationServices services, FillingFlow filling, VerificationFlow verification, IOfficeReportChain reportChain, FormatApprovalFlow formatApproval)
{
    /// <summary>The opening message of a period for one unit head, with Mulai isi.</summary>
    public static MessageText OpeningText(OfficeConfiguration office, SubmissionSnapshot submission, DateTimeOffset fillDeadline)
    {
        var head = office.Official(submission.Unit.HeadId);
        return new MessageText()
            .Plain("Yth. ").Bold(BotTexts.Address(head)).Line(",")
            .Plain("pengumpulan data kinerja ").Bold(submission.Period.DisplayName).Line(" telah dibuka.")
            .Line($"Unit: {submission.Unit.Name}")
            .Line($"Jumlah indikator: {submission.Indicators.Count}")
            .Plain("Batas waktu pengisian: ").BoldLine(IndonesianFormat.DateTime(fillDeadline, office.Office.TimeZone))
            .Line()
            .Plain($"Tekan \"{BotTexts.StartFilling}\" untuk mulai mengisi. Indikator akan ditanyakan satu per satu.");
    }

    /// <summary>Sends <paramref name="officialId"/> every item of the open periods that waits for them.</summary>
    public async Task SendAsync(ConversationContext context, string officialId)
    {
        foreach (var period in await context.Transaction.Periods.AllAsync(context.CancellationToken))
        {
            var report = await context.Transaction.Workflows.FindAsync(WorkflowKind.OfficeReport, period.PeriodId, null, context.CancellationToken);
            if (report is not null && await services.Workflows.HolderAsync(report) == officialId)
            {
                await reportChain.SendStageMessageAsync(context, report);
            }

            var format = await context.Transaction.Workflows.FindAsync(WorkflowKind.FormatApproval, period.PeriodId, null, context.CancellationToken);
            if (format is not null && FormatApprovalWorkflow.StepHolder(context.Office, format.State) == officialId)
            {
                await formatApproval.SendDraftAsync(context.Transaction, format, context.Now, context.CancellationToken);
            }
        }

        foreach (var submission in await WaitingForAsync(context, officialId))
        {
            var state = submission.Instance.State;
            if (submission.Unit.HeadId == officialId && state == UnitSubmissionWorkflow.NotStarted)
            {
                var period = await context.Transaction.Periods.GetAsync(submission.Period.Id, context.CancellationToken);
                await context.SendToAsync(officialId, OpeningText(context.Office, submission, period!.FillDeadline), await WorkflowChoices.ForAsync(services.Workflows, submission.Instance, officialId));
            }
            else if (submission.Unit.HeadId == officialId && state == UnitSubmissionWorkflow.Returned)
            {
                var returned = (await context.Transaction.Audit.ForInstanceAsync(submission.Instance.Id, context.CancellationToken)).LastOrDefault(a => a.To == UnitSubmissionWorkflow.Returned);
                var by = returned is null ? "verifikator" : context.Office.Officials.FirstOrDefault(o => o.Id == returned.ActorId)?.Name ?? returned.ActorId;
                await verification.SendReturnToHeadAsync(context, submission, by, returned?.Reason);
            }
            else if (submission.Unit.HeadId == officialId && state == UnitSubmissionWorkflow.Filling)
            {
                await context.SendToAsync(officialId, MessageText.Of(BotTexts.UnfinishedFillingText(submission.Unit, submission.Period)));
            }
            else if (submission.Unit.HeadId != officialId)
            {
                await verification.SendToVerifierAsync(context, submission, submission.Unit.VerifierIds.ToList().IndexOf(officialId) + 1);
            }
        }
    }

    /// <summary>/isi: starts or continues the official's own filling where it stands, or says there is nothing to fill.</summary>
    public async Task ResumeFillingAsync(ConversationContext context)
    {
        var own = (await WaitingForAsync(context, context.Me.Id)).Where(s => s.Unit.HeadId == context.Me.Id).ToList();
        var inProgress = own.FirstOrDefault(s => s.Instance.State == UnitSubmissionWorkflow.Filling);
        if (inProgress is not null)
        {
            await filling.ContinueAsync(context, inProgress.Instance.Id);
            return;
        }

        // "/isi" means "let me fill": start the oldest period not yet started rather than resend its Mulai isi message.
        var notStarted = own.FirstOrDefault(s => s.Instance.State == UnitSubmissionWorkflow.NotStarted);
        if (notStarted is not null)
        {
            await verification.StartFillingAsync(context, notStarted.Instance);
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

    private async Task<string?> WaitingOnOthersAsync(ConversationContext context)
    {
        foreach (var period in await context.Transaction.Periods.AllAsync(context.CancellationToken))
        {
            foreach (var unit in context.Office.Units.Where(u => u.HeadId == context.Me.Id))
            {
                var instance = await context.Transaction.Workflows.FindAsync(WorkflowKind.UnitSubmission, period.PeriodId, unit.Id, context.CancellationToken);
                if (instance is not null && await services.Workflows.HolderAsync(instance) is { } holderId && holderId != unit.HeadId)
                {
                    var verifier = context.Office.Official(holderId);
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
                // Only the step's holder owes it (a verified unit's reopen belongs to report returns, not to anyone's to-do list).
                if (instance.Kind != WorkflowKind.UnitSubmission
                    || context.Office.Units.All(u => u.Id != instance.UnitId)
                    || await services.Workflows.HolderAsync(instance) != officialId)
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
