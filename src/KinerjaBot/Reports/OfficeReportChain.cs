using KinerjaBot.Configuration;
using KinerjaBot.Conversations;
using KinerjaBot.Domain;
using KinerjaBot.Messaging;
using KinerjaBot.Workflow;

namespace KinerjaBot.Reports;

/// <summary>
/// The office chain after every unit is verified (SOP: validasi + paraf, paraf, tanda tangan): opens the report,
/// sends each stage holder the draft with its approve button and <c>Kembalikan</c> (to the previous stage or to a
/// unit, which reopens that unit's submission), and delivers the signed PDF.
/// </summary>
public sealed class OfficeReportChain(ConversationServices services, ReportArchive archive) : IOfficeReportChain
{
    public async Task OnUnitVerifiedAsync(ConversationContext context, Period period)
    {
        var instances = await context.Transaction.Workflows.ListForPeriodAsync(period.Id, context.CancellationToken);
        var report = instances.FirstOrDefault(i => i.Kind == WorkflowKind.OfficeReport);
        var units = instances.Where(i => i.Kind == WorkflowKind.UnitSubmission).ToList();
        if (report is null || report.State != OfficeReportWorkflow.Collecting || units.Any(u => u.State != UnitSubmissionWorkflow.Verified))
        {
            return;
        }

        var outcome = await services.Workflows.FireAsync(context.Transaction, report.Id, WorkflowTrigger.OpenReport, WorkflowRole.SystemActorId, report.Version, null, context.CancellationToken);
        if (outcome.Succeeded)
        {
            await EnterStageAsync(context, outcome.Instance, note: null);
        }
    }

    public async Task HandlePressAsync(ConversationContext context, WorkflowInstance report, CallbackAction action)
    {
        var definition = services.Catalog.Report;
        var trigger = action.Trigger!.Value;
        if (!definition.Transitions.Any(t => t.Trigger == trigger && t.Role.OfficialIds.Contains(context.Me.Id)))
        {
            context.CallbackNotice = BotTexts.NotYourButton;
            return;
        }

        var row = definition.Transitions.FirstOrDefault(t => t.From == report.State && t.Trigger == trigger);
        if (row is null || action.Version != report.Version)
        {
            await VerificationFlow.RefuseStaleAsync(context, report);
            return;
        }

        if (!row.Role.OfficialIds.Contains(context.Me.Id))
        {
            context.CallbackNotice = BotTexts.NotYourButton;
            return;
        }

        if (trigger == WorkflowTrigger.ReturnToUnit && action.Argument is null)
        {
            await AskWhereToReturnAsync(context, report);
            return;
        }

        if (row.RequiresReason)
        {
            if (action.Argument is { } unitId && context.Office.Units.All(u => u.Id != unitId))
            {
                context.CallbackNotice = BotTexts.UnknownButton;
                return;
            }

            context.State = new ConversationState
            {
                Mode = ConversationMode.AwaitingReason,
                InstanceId = report.Id,
                Version = report.Version,
                Trigger = trigger,
                TargetUnitId = action.Argument,
                SourceMessageId = context.Event.Callback?.MessageId,
            };
            var target = action.Argument is { } id ? context.Office.Unit(id).Name : trigger == WorkflowTrigger.ReturnToPrevious ? "tahap sebelumnya" : "unit";
            await context.ReplyAsync($"Mohon ketik alasan pengembalian laporan ke {target} (wajib). Ketik /batal untuk membatalkan.");
            return;
        }

        var outcome = await services.Workflows.FireAsync(context.Transaction, report.Id, trigger, context.Me.Id, action.Version, null, context.CancellationToken);
        if (!outcome.Succeeded)
        {
            await VerificationFlow.RefuseStaleAsync(context, report);
            return;
        }

        await context.RemovePressedChoicesAsync();
        var stage = OfficeReportWorkflow.StageOf(context.Office, report.State)!;
        await context.ReplyAsync($"Terima kasih, laporan {Period.Parse(report.PeriodId).DisplayName} sudah di-{OfficeReportWorkflow.ApproveLabel(stage.Kind).ToLowerInvariant()}.");
        if (outcome.Instance.State == OfficeReportWorkflow.Signed)
        {
            await DeliverSignedAsync(context, outcome.Instance);
        }
        else
        {
            await EnterStageAsync(context, outcome.Instance, note: null);
        }
    }

    public async Task HandleReasonAsync(ConversationContext context, WorkflowInstance report, ConversationState state, string reason)
    {
        if (state.SourceMessageId is { } source)
        {
            await context.RemoveChoicesAsync(source);
        }

        var outcome = await services.Workflows.FireAsync(context.Transaction, report.Id, state.Trigger!.Value, context.Me.Id, state.Version!.Value, reason, context.CancellationToken);
        if (!outcome.Succeeded)
        {
            await VerificationFlow.RefuseStaleAsync(context, report);
            await context.ReplyAsync(context.CallbackNotice ?? BotTexts.AlreadyProcessed);
            return;
        }

        var period = Period.Parse(report.PeriodId);
        if (state.Trigger == WorkflowTrigger.ReturnToPrevious)
        {
            var previous = OfficeReportWorkflow.StageOf(context.Office, outcome.Instance.State)!;
            await context.ReplyAsync($"Laporan {period.DisplayName} dikembalikan ke {BotTexts.EndSentence(context.Office.Official(previous.OfficialId).Name)}");
            await EnterStageAsync(context, outcome.Instance, note: $"Dikembalikan oleh {BotTexts.EndSentence(context.Me.Name)} Alasan: {reason}");
            return;
        }

        // Back to units: the named unit (or, when a signed report is reopened, none yet) must redo its data.
        if (state.TargetUnitId is { } unitId)
        {
            var submission = await context.Transaction.Workflows.FindAsync(WorkflowKind.UnitSubmission, period.Id, unitId, context.CancellationToken);
            if (submission is not null)
            {
                var reopened = await services.Workflows.FireAsync(context.Transaction, submission.Id, WorkflowTrigger.Reopen, context.Me.Id, submission.Version, reason, context.CancellationToken);
                if (reopened.Succeeded && await SubmissionSnapshot.LoadAsync(context, submission.Id) is { } snapshot)
                {
                    await VerificationFlow.SendReturnToHeadAsync(context, snapshot, context.Me.Name, reason);
                }
            }

            await context.ReplyAsync(outcome.Instance.Revision > report.Revision
                ? $"Laporan {period.DisplayName} dibuka kembali sebagai Revisi ke-{outcome.Instance.Revision}; data {context.Office.Unit(unitId).Name} dikembalikan untuk diperbaiki."
                : $"Laporan {period.DisplayName} dikembalikan ke {context.Office.Unit(unitId).Name}. Laporan akan diteruskan lagi setelah data unit itu terverifikasi.");
        }
        else
        {
            await context.ReplyAsync($"Laporan {period.DisplayName} dibuka kembali sebagai Revisi ke-{outcome.Instance.Revision}.");
        }
    }

    public async Task SendSummaryAsync(ConversationContext context)
    {
        if (!context.Office.IsOperator(context.Me.Id) && context.Office.Roles.HeadId != context.Me.Id && context.Office.Roles.PlanningId != context.Me.Id)
        {
            await context.ReplyAsync("Maaf, perintah /rekap hanya untuk operator, Kasubbag Perencanaan dan pimpinan.");
            return;
        }

        var period = (await context.Transaction.Periods.AllAsync(context.CancellationToken)).FirstOrDefault();
        var report = period is null ? null : await context.Transaction.Workflows.FindAsync(WorkflowKind.OfficeReport, period.PeriodId, null, context.CancellationToken);
        if (period is null || report is null)
        {
            await context.ReplyAsync("Belum ada periode yang dibuka.");
            return;
        }

        var name = Period.Parse(period.PeriodId).DisplayName;
        var document = report.State == OfficeReportWorkflow.Signed
            ? archive.FinalPath(period.PeriodId, report.Revision)
            : await archive.RenderDraftAsync(context, report);
        var status = report.State == OfficeReportWorkflow.Signed
            ? $"Laporan {name} sudah ditandatangani" + (report.Revision > 1 ? $" (Revisi ke-{report.Revision})." : ".")
            : $"Laporan {name} belum ditandatangani; berikut drafnya.";

        // A signed report can be reopened as a new revision by those the table allows (the head, operators).
        var reopen = services.Workflows.PermittedFor(report, context.Me.Id).Where(t => t.Trigger == WorkflowTrigger.ReturnToUnit)
            .Select(t => (IReadOnlyList<Choice>)[new Choice(t.ButtonLabel, CallbackAction.ForTrigger(report, t.Trigger))])
            .ToList();
        await context.ReplyAsync(new OutgoingMessage
        {
            Text = MessageText.Of(status).Spans,
            DocumentPath = document,
            DocumentName = Path.GetFileName(document),
            Choices = report.State == OfficeReportWorkflow.Signed ? reopen : [],
        });
    }

    private async Task EnterStageAsync(ConversationContext context, WorkflowInstance report, string? note)
    {
        var stage = OfficeReportWorkflow.StageOf(context.Office, report.State)!;
        await context.Transaction.Workflows.SetStageDeadlineAsync(report.Id, services.Calendar.DeadlineFrom(context.Now, context.Office.Deadlines.For(stage.Kind)), context.CancellationToken);
        var deadline = await context.Transaction.Workflows.GetStageDeadlineAsync(report.Id, context.CancellationToken);
        var period = Period.Parse(report.PeriodId);
        var label = OfficeReportWorkflow.ApproveLabel(stage.Kind);
        var draft = await archive.RenderDraftAsync(context, report);
        var text = new MessageText()
            .Bold($"Laporan data kinerja {context.Office.Office.Name} — {period.DisplayName}").Line(report.Revision > 1 ? $" (Revisi ke-{report.Revision})" : string.Empty)
            .Line($"Semua unit sudah terverifikasi. Mohon {Verb(stage.Kind)} draf terlampir.");
        if (note is not null)
        {
            text.Line(note);
        }

        if (deadline is { } due)
        {
            text.Line($"Batas waktu: {IndonesianFormat.DateTime(due, context.Office.Office.TimeZone)}.");
        }

        text.Plain($"Tekan \"{label}\" bila sudah sesuai, atau \"{BotTexts.Return}\" untuk mengembalikan dengan alasan.");
        await context.SendToAsync(stage.OfficialId, new OutgoingMessage
        {
            Text = text.Spans,
            DocumentPath = draft,
            DocumentName = Path.GetFileName(draft),
            Choices = ReportStageChoices.For(report, stage),
        });
    }

    private async Task AskWhereToReturnAsync(ConversationContext context, WorkflowInstance report)
    {
        var choices = new List<IReadOnlyList<Choice>>();
        var stageIndex = OfficeReportWorkflow.StageStates(context.Office).ToList().IndexOf(report.State);
        if (stageIndex > 0)
        {
            var previous = context.Office.Chain[stageIndex - 1];
            choices.Add([new Choice($"Ke {OfficeReportWorkflow.ApproveLabel(previous.Kind).ToLowerInvariant()}: {context.Office.Official(previous.OfficialId).Name}", CallbackAction.ForTrigger(report, WorkflowTrigger.ReturnToPrevious))]);
        }

        foreach (var unit in context.Office.UnitsReporting(Period.Parse(report.PeriodId)))
        {
            choices.Add([new Choice($"Ke {unit.Name}", CallbackAction.ForTrigger(report, WorkflowTrigger.ReturnToUnit, unit.Id))]);
        }

        await context.ReplyAsync(
            MessageText.Of(report.State == OfficeReportWorkflow.Signed ? "Unit mana yang datanya perlu direvisi?" : "Laporan dikembalikan ke mana?"),
            choices);
    }

    private async Task DeliverSignedAsync(ConversationContext context, WorkflowInstance report)
    {
        var final = await archive.ArchiveFinalAsync(context, report);
        var period = Period.Parse(report.PeriodId);
        var recipients = new[] { context.Office.Roles.HeadId }.Concat(context.Office.Roles.OperatorIds).Distinct();
        foreach (var official in recipients)
        {
            await context.SendToAsync(official, new OutgoingMessage
            {
                Text = new MessageText()
                    .Bold($"Laporan data kinerja {period.DisplayName} telah ditandatangani.").Line()
                    .Line($"Berkas siap cetak terlampir (SHA-256 {final.Sha256[..16]}…). Ketik /rekap untuk mengunduhnya lagi.").Spans,
                DocumentPath = final.Path,
                DocumentName = Path.GetFileName(final.Path),
            });
        }
    }

    private static string Verb(ChainStageKind kind) => kind switch
    {
        ChainStageKind.Validate => "memvalidasi dan memaraf",
        ChainStageKind.Paraf => "memaraf",
        _ => "menandatangani",
    };
}
