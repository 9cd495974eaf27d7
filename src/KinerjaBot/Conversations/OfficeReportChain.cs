using KinerjaBot.Actions;
using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Messaging;
using KinerjaBot.Reports;
using KinerjaBot.Workflow;

namespace KinerjaBot.Conversations;

/// <summary>
/// The office chain after every unit is verified (SOP: validasi + paraf, paraf, tanda tangan): opens the report,
/// sends each stage holder the draft with its approve button and <c>Kembalikan</c> (to the previous stage or to a
/// unit, which reopens that unit's submission), and delivers the signed PDF.
/// </summary>
public sealed class OfficeReportChain(ConversationServices services, ReportArchive archive) : IOfficeReportChain
{
    public async Task OnUnitVerifiedAsync(ConversationContext context, Period period, IWorkflowEffects effects)
    {
        // Asked after every approval: two indexed lookups, not every unit of the period read and decoded.
        var report = await context.Transaction.Workflows.FindAsync(WorkflowKind.OfficeReport, period.Id, null, context.CancellationToken);
        if (report is null
            || report.State != OfficeReportWorkflow.Collecting
            || await context.Transaction.Workflows.AnyNotInStateAsync(period.Id, WorkflowKind.UnitSubmission, UnitSubmissionWorkflow.Verified, context.CancellationToken))
        {
            return;
        }

        // The draft goes to the first stage as the OpenReport transition's effect.
        await services.Workflows.FireAsync(context.Transaction, report.Id, WorkflowTrigger.OpenReport, new TransitionRequest(WorkflowRole.SystemActorId), report.Version, effects, context.CancellationToken);
    }

    public async Task HandlePressAsync(ConversationContext context, WorkflowInstance report, CallbackAction action, IWorkflowEffects effects)
    {
        var trigger = action.Trigger!.Value;
        if (await services.Workflows.PressRefusalAsync(report, trigger, context.Me.Id, action.Version) is { } refusal)
        {
            await VerificationFlow.RefuseAsync(context, services, report, refusal);
            return;
        }

        if (trigger == WorkflowTrigger.ReturnToUnit && action.Argument is null)
        {
            await AskWhereToReturnAsync(context, report);
            return;
        }

        if (services.Workflows.ButtonFor(report, trigger)!.RequiresReason)
        {
            if (action.Argument is { } unitId && context.Office.Units.All(u => u.Id != unitId))
            {
                context.CallbackNotice = BotTexts.UnknownButton;
                return;
            }

            // The draft whose Kembalikan led to this "ke mana?" choice; its buttons go too once the reason is in.
            var draftMessageId = context.State is ChoosingReturnTarget choosing && choosing.ReportId == report.Id ? choosing.SourceMessageId : null;
            await VerificationFlow.AskReasonAsync(
                context,
                new PendingReturn(report.Id, report.Version, trigger, action.Argument, context.Event.Callback?.MessageId, draftMessageId),
            $"Mohon ketik alasan pengembalian laporan ke {(action.Argument is { } id ? context.Office.Unit(id).Name : "tahap sebelumnya")} (wajib). Ketik /batal untuk membatalkan.");
            return;
        }

        var outcome = await services.Workflows.FireAsync(context.Transaction, report.Id, trigger, new TransitionRequest(context.Me.Id), action.Version, effects, context.CancellationToken);
        if (!outcome.Succeeded)
        {
            await VerificationFlow.RefuseStaleAsync(context, report);
        }
    }

    public async Task HandleReasonAsync(ConversationContext context, WorkflowInstance report, PendingReturn pending, string reason, IWorkflowEffects effects)
    {
        if (pending.TargetUnitId is { } target)
        {
            // Check the unit before moving the report, so a report can never wait for a unit that cannot come back.
            var submission = await context.Transaction.Workflows.FindAsync(WorkflowKind.UnitSubmission, report.PeriodId, target, context.CancellationToken);
            if (submission?.State != UnitSubmissionWorkflow.Verified)
            {
                await context.ReplyAsync($"Data {context.Office.Unit(target).Name} tidak dapat dikembalikan karena saat ini tidak dalam keadaan terverifikasi. Laporan tidak berubah.");
                return;
            }
        }

        var request = new TransitionRequest(context.Me.Id, reason, pending.TargetUnitId);
        var outcome = await services.Workflows.FireAsync(context.Transaction, report.Id, pending.Trigger, request, pending.Version, effects, context.CancellationToken);
        if (!outcome.Succeeded)
        {
            await VerificationFlow.RefuseStaleAsync(context, report);
            await context.ReplyAsync($"{context.CallbackNotice} Alasan yang Bapak/Ibu ketik tidak disimpan.");
        }
    }

    public async Task OnStageEnteredAsync(ConversationContext context, FiredTransition fired)
    {
        var period = Period.Parse(fired.After.PeriodId);
        string? note = null;
        if (fired.Trigger == WorkflowTrigger.Approve)
        {
            var decided = OfficeReportWorkflow.StageOf(context.Office, fired.Before.State)!;
            await context.ReplyAsync($"Terima kasih, laporan {period.DisplayName} sudah {OfficeReportWorkflow.StageDone(decided.Kind)}.");
        }
        else if (fired.Trigger == WorkflowTrigger.ReturnToPrevious)
        {
            var previous = OfficeReportWorkflow.StageOf(context.Office, fired.After.State)!;
            await context.ReplyAsync($"Laporan {period.DisplayName} dikembalikan kepada {BotTexts.EndSentence(context.Office.Official(previous.OfficialId).Name)}");
            note = $"Dikembalikan oleh {BotTexts.EndSentence(context.Me.Name)} Alasan: {fired.Request.Reason}";
        }

        var stage = OfficeReportWorkflow.StageOf(context.Office, fired.After.State)!;
        await context.Transaction.Workflows.SetStageDeadlineAsync(fired.After.Id, services.Calendar.DeadlineFrom(context.Now, context.Office.Deadlines.For(stage.Kind)), context.CancellationToken);
        await SendStageMessageAsync(context, fired.After, note);
    }

    // The head's thanks is the signed PDF itself (see DeliverSignedAsync).
    public Task OnSignedAsync(ConversationContext context, FiredTransition fired) => DeliverSignedAsync(context, fired.After, fired.Audit);

    public async Task OnReturnedToUnitAsync(ConversationContext context, FiredTransition fired, IWorkflowEffects effects)
    {
        var period = Period.Parse(fired.After.PeriodId);
        var unit = context.Office.Unit(fired.Request.TargetUnitId!);
        var submission = (await context.Transaction.Workflows.FindAsync(WorkflowKind.UnitSubmission, period.Id, unit.Id, context.CancellationToken))!;

        // Telling the unit head is the Reopen transition's own effect.
        var reopened = await services.Workflows.FireAsync(context.Transaction, submission.Id, WorkflowTrigger.Reopen, fired.Request, submission.Version, effects, context.CancellationToken);
        if (!reopened.Succeeded)
        {
            // Both checks passed inside this transaction, so this is a bug, not a race: undo everything.
            throw new InvalidOperationException($"Reopening {unit.Id} for {period.Id} was refused ({reopened.Refusal}) after the report moved.");
        }

        await context.ReplyAsync(fired.After.Revision > fired.Before.Revision
            ? $"Laporan {period.DisplayName} dibuka kembali sebagai Revisi ke-{fired.After.Revision}; data {unit.Name} dikembalikan untuk diperbaiki."
            : $"Data {unit.Name} dikembalikan untuk diperbaiki. Laporan {period.DisplayName} akan diteruskan kembali setelah data tersebut terverifikasi.");
    }

    public async Task SendSummaryAsync(ConversationContext context, string? periodId)
    {
        if (!MayFetchReports(context, context.Me.Id))
        {
            await context.ReplyAsync("Maaf, perintah /rekap hanya untuk operator, Kasubbag Perencanaan dan pimpinan.");
            return;
        }

        var periods = await context.Transaction.Periods.AllAsync(context.CancellationToken);
        if (periodId is not null && (!Period.TryParse(periodId, out var asked) || periods.All(p => p.PeriodId != asked.Id)))
        {
            await context.ReplyAsync($"Periode \"{periodId}\" belum pernah dibuka. Periode yang ada: {string.Join(", ", periods.Select(p => p.PeriodId))}. Contoh: /rekap 2026-TW3");
            return;
        }

        var period = periodId is null ? periods.FirstOrDefault() : periods.First(p => p.PeriodId == Period.Parse(periodId).Id);
        var report = period is null ? null : await context.Transaction.Workflows.FindAsync(WorkflowKind.OfficeReport, period.PeriodId, null, context.CancellationToken);
        if (period is null || report is null)
        {
            await context.ReplyAsync("Belum ada periode yang dibuka.");
            return;
        }

        var name = Period.Parse(period.PeriodId).DisplayName;
        var document = report.State == OfficeReportWorkflow.Signed
            ? archive.FinalPath(period.PeriodId, report.Revision)
            : await archive.RenderDraftAsync(context.Transaction, report, context.Now, context.CancellationToken);
        var status = report.State == OfficeReportWorkflow.Signed
            ? $"Laporan {name} sudah ditandatangani" + (report.Revision > 1 ? $" (Revisi ke-{report.Revision})." : ".")
            : $"Laporan {name} belum ditandatangani; berikut drafnya dengan data yang ada saat ini.";
        if (periods.Count > 1 && periodId is null)
        {
            status += " Untuk periode lain: /rekap <periode>, misalnya /rekap " + periods[^1].PeriodId + ".";
        }

        // A signed report can be reopened as a new revision by those the machine allows (the head, operators).
        var reopen = report.State == OfficeReportWorkflow.Signed ? await WorkflowChoices.ForAsync(services.Workflows, report, context.Me.Id) : [];
        await context.ReplyAsync(new OutgoingMessage
        {
            Text = MessageText.Of(status).Spans,
            DocumentPath = document,
            DocumentName = Path.GetFileName(document),
            Choices = reopen,
        });

        var exports = new[]
        {
            (Path: archive.FinalCsvPath(period.PeriodId, report.Revision), Text: "Tabel data dalam format CSV, untuk diunggah ke aplikasi e-SAKIP / e-Monev."),
            (Path: archive.FinalXlsxPath(period.PeriodId, report.Revision), Text: "Tabel data dalam format Excel (.xlsx), satu lembar per periode, untuk diunggah ke aplikasi e-SAKIP / e-Monev."),
        };
        foreach (var export in exports.Where(e => report.State == OfficeReportWorkflow.Signed && File.Exists(e.Path)))
        {
            await context.ReplyAsync(new OutgoingMessage
            {
                Text = MessageText.Of(export.Text).Spans,
                DocumentPath = export.Path,
                DocumentName = Path.GetFileName(export.Path),
            });
        }
    }

    public async Task SendStageMessageAsync(ConversationContext context, WorkflowInstance report, string? note = null)
    {
        var stage = OfficeReportWorkflow.StageOf(context.Office, report.State);
        if (stage is null)
        {
            return;
        }

        var deadline = await context.Transaction.Workflows.GetStageDeadlineAsync(report.Id, context.CancellationToken);
        var period = Period.Parse(report.PeriodId);
        var label = OfficeReportWorkflow.ApproveLabel(stage.Kind);
        var draft = await archive.RenderDraftAsync(context.Transaction, report, context.Now, context.CancellationToken);
        var text = new MessageText()
            .Bold($"Laporan data kinerja {context.Office.Office.Name} — {period.DisplayName}").Line(report.Revision > 1 ? $" (Revisi ke-{report.Revision})" : string.Empty)
            .Line("Semua unit sudah terverifikasi.");
        foreach (var done in await DoneStagesAsync(context, report))
        {
            text.Line(done);
        }

        text.Line($"Mohon berkenan {Verb(stage.Kind)} draf laporan terlampir.");
        if (note is not null)
        {
            text.Line(note);
        }

        if (deadline is { } due)
        {
            text.Line($"Batas waktu: {IndonesianFormat.DateTime(due, context.Office.Office.TimeZone)}.");
        }

        text.Plain($"Tekan \"{label}\" bila sudah sesuai, atau \"{BotTexts.Return}\" untuk mengembalikan dengan alasan.");
        var recipient = services.Workflows.RecipientFor(stage.OfficialId);
        if (ActingFlow.StandInNote(services, stage.OfficialId) is { } standIn)
        {
            text.Line().Line().Plain(standIn);
        }

        var delivered = await context.SendToAsync(recipient, new OutgoingMessage
        {
            Text = text.Spans,
            DocumentPath = draft,
            DocumentName = Path.GetFileName(draft),
            Choices = await WorkflowChoices.ForAsync(services.Workflows, report, recipient),
        });
        if (!delivered && context.Official is not null && context.Official.Id != recipient)
        {
            await context.ReplyAsync($"Catatan: {context.Office.Official(recipient).Name} belum dapat dihubungi lewat KinerjaBot (belum mendaftar atau memblokir bot). Draf akan dikirim saat beliau mendaftar; mohon sampaikan kepada beliau.");
        }
    }

    private async Task AskWhereToReturnAsync(ConversationContext context, WorkflowInstance report)
    {
        var permitted = await services.Workflows.PermittedAsync(report, context.Me.Id);
        var stageIndex = OfficeReportWorkflow.StageStates(context.Office).ToList().IndexOf(report.State);
        var previous = stageIndex > 0 ? context.Office.Chain[stageIndex - 1] : null;
        var previousLabel = previous is null ? null : $"Ke tahap {OfficeReportWorkflow.StageNoun(previous.Kind)} ({context.Office.Official(previous.OfficialId).Name})";

        // Only units whose verified data is in this report can be sent back.
        var units = (await context.Transaction.Workflows.ListForPeriodAsync(report.PeriodId, context.CancellationToken))
            .Where(s => s is { Kind: WorkflowKind.UnitSubmission, UnitId: { } unitId } && s.State == UnitSubmissionWorkflow.Verified && context.Office.Units.Any(u => u.Id == unitId))
            .Select(s => (s.UnitId!, $"Ke {context.Office.Unit(s.UnitId!).Name}"));
        var choices = WorkflowChoices.ReturnTargets(report, permitted, previousLabel, units).Append([new Choice(BotTexts.Cancel, CallbackAction.Cancel)]).ToList();
        context.State = new ChoosingReturnTarget(report.Id, context.Event.Callback?.MessageId);
        await context.ReplyAsync(
            MessageText.Of(report.State == OfficeReportWorkflow.Signed ? "Data unit mana yang perlu diperbaiki? Silakan pilih:" : "Laporan akan dikembalikan kepada siapa? Silakan pilih:"),
            choices);
    }

    private async Task DeliverSignedAsync(ConversationContext context, WorkflowInstance report, AuditEntry signature)
    {
        var final = (await archive.ArchiveFinalAsync(context.Transaction, report, context.Now, context.CancellationToken)).Path;
        var period = Period.Parse(report.PeriodId);
        var head = context.Office.Official(context.Office.Roles.HeadId);

        // A Plt. / Plh. signs for the head: they are thanked, everyone else is told who signed and as what.
        var signer = context.Office.Official(signature.ActorId);
        var signedBy = signature.ActingFor is { } acting ? $"{signer.Name} ({acting.TitleFor(context.Office)})." : BotTexts.EndSentence(signer.Name);
        var recipients = new[] { head.Id, signer.Id }
            .Concat(context.Office.Roles.OperatorIds)
            .Concat(context.Office.Chain.Select(s => s.OfficialId))
            .Distinct();
        foreach (var official in recipients)
        {
            var title = official == signer.Id
                ? $"Terima kasih. Laporan data kinerja {period.DisplayName} telah ditandatangani."
                : $"Laporan data kinerja {period.DisplayName} telah ditandatangani oleh {signedBy}";
            await context.SendToAsync(official, new OutgoingMessage
            {
                Text = new MessageText()
                    .Bold(title).Line()
                    .Line((report.Revision > 1 ? $"Ini Revisi ke-{report.Revision}. " : string.Empty) + (MayFetchReports(context, official)
                        ? "Berkas siap cetak terlampir. Ketik /rekap untuk mengunduhnya lagi."
                        : "Berkas siap cetak terlampir; mohon disimpan.")).Spans,
                DocumentPath = final,
                DocumentName = Path.GetFileName(final),
            });
        }
    }

    /// <summary>"Sudah divalidasi dan diparaf oleh …": what the stages before this one did in the current pass.</summary>
    private static async Task<IReadOnlyList<string>> DoneStagesAsync(ConversationContext context, WorkflowInstance report)
    {
        var audit = await context.Transaction.Audit.ForInstanceAsync(report.Id, context.CancellationToken);
        var opened = audit.Select((entry, index) => (entry, index)).LastOrDefault(e => e.entry.Trigger == WorkflowTrigger.OpenReport).index;
        var zone = context.Office.Office.TimeZone;
        var done = new Dictionary<WorkflowState, string>();
        foreach (var entry in audit.Skip(opened))
        {
            if (entry.Trigger == WorkflowTrigger.Approve && OfficeReportWorkflow.StageOf(context.Office, entry.From) is { } stage)
            {
                var by = (context.Office.Officials.FirstOrDefault(o => o.Id == entry.ActorId)?.Name ?? entry.ActorId)
                    + (entry.ActingFor is { } acting ? $" sebagai {acting.TitleFor(context.Office)}" : string.Empty);
                done[entry.From] = $"Sudah {OfficeReportWorkflow.StageDone(stage.Kind)} oleh {by}, {IndonesianFormat.DateTime(entry.AtUtc, zone)}.";
            }
            else if (entry.Trigger == WorkflowTrigger.ReturnToPrevious)
            {
                done.Remove(entry.To);
            }
        }

        return [.. done.Values];
    }

    private static bool MayFetchReports(ConversationContext context, string officialId) =>
        context.Office.IsOperator(officialId) || context.Office.Roles.HeadId == officialId || context.Office.Roles.PlanningId == officialId;

    private static string Verb(ChainStageKind kind) => kind switch
    {
        ChainStageKind.Validate => "memvalidasi dan memaraf",
        ChainStageKind.Paraf => "memaraf",
        _ => "menandatangani",
    };
}
