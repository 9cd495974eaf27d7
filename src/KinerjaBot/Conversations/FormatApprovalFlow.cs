using KinerjaBot.Actions;
using KinerjaBot.Domain;
using KinerjaBot.Messaging;
using KinerjaBot.Periods;
using KinerjaBot.Reports;
using KinerjaBot.Storage;
using KinerjaBot.Workflow;

namespace KinerjaBot.Conversations;

/// <summary>
/// The format approval in the chat (<c>format_approval: on</c>, SOP steps 1–2): the draft format to the planning
/// official, the secretary and the head in turn with their buttons; a return with its reason to the operators, who send
/// the corrected draft with <c>/format</c>; and on the head's signature the numbered Surat Pemberitahuan, archived with
/// the signed format before every unit head is asked to fill.
/// </summary>
public sealed class FormatApprovalFlow(ConversationServices services, FormatArchive archive, PeriodOpening opening, PeriodAnnouncer announcer)
{
    /// <summary>
    /// Sends the holder of the format's current step the draft PDF with that step's buttons; false when they cannot be
    /// reached yet (not registered, or blocked the bot). Needs no chat, so the command line uses it too.
    /// </summary>
    public async Task<bool> SendDraftAsync(StoreTransaction transaction, WorkflowInstance format, DateTimeOffset now, CancellationToken cancellationToken, string? note = null)
    {
        var office = services.Office;
        if (FormatApprovalWorkflow.StepHolder(office, format.State) is not { } holderId)
        {
            return false;
        }

        var period = Period.Parse(format.PeriodId);
        var zone = office.Office.TimeZone;
        var draft = await archive.RenderDraftAsync(transaction, format, now, cancellationToken);
        var units = office.UnitsReporting(period).Count;
        var text = new MessageText()
            .Bold($"Draf format data kinerja {office.Office.Name} — {period.DisplayName}").Line(format.Revision > 1 ? $" (perbaikan ke-{format.Revision - 1})" : string.Empty)
            .Line($"Format ini memuat indikator, satuan dan target {units} unit kerja untuk {period.DisplayName}.");
        foreach (var done in await DoneStepsAsync(transaction, format, cancellationToken))
        {
            text.Line(done);
        }

        text.Line($"Mohon berkenan {Verb(format.State)} draf format terlampir.");
        if (note is not null)
        {
            text.Line(note);
        }

        if (await transaction.Workflows.GetStageDeadlineAsync(format.Id, cancellationToken) is { } due)
        {
            text.Line($"Batas waktu: {IndonesianFormat.DateTime(due, zone)}.");
        }

        if (format.State == FormatApprovalWorkflow.Signature)
        {
            text.Line("Setelah ditandatangani, Surat Pemberitahuan bernomor beserta format ini dikirim kepada setiap kepala unit bersama permintaan pengisian.");
        }

        text.Plain($"Tekan \"{FormatApprovalWorkflow.ApproveLabel(format.State)}\" bila sudah sesuai, atau \"{BotTexts.Return}\" untuk mengembalikan kepada operator dengan alasan.");
        return await OfficialOutbox.SendAsync(transaction, holderId, new OutgoingMessage
        {
            Text = text.Spans,
            DocumentPath = draft,
            DocumentName = Path.GetFileName(draft),
            Choices = await WorkflowChoices.ForAsync(services.Workflows, format, holderId),
        }, now, cancellationToken);
    }

    /// <summary>/buka with format approval on: the draft goes to the planning official, and the operator is told what happens next.</summary>
    public async Task<string> StartedAsync(ConversationContext context, PeriodOpeningResult result, Period period)
    {
        var format = (await context.Transaction.Workflows.GetAsync(result.FormatApprovalId!.Value, context.CancellationToken))!;
        var planning = context.Office.Official(context.Office.Roles.PlanningId);
        var delivered = await SendDraftAsync(context.Transaction, format, context.Now, context.CancellationToken);
        return $"Draf format data kinerja {period.DisplayName} telah dibuat dan dikirim kepada {planning.Name} untuk diperiksa. "
            + "Setelah disetujui, diparaf dan ditandatangani, setiap kepala unit menerima Surat Pemberitahuan dan permintaan pengisian."
            + (delivered ? string.Empty : $" Catatan: {planning.Name} belum dapat dihubungi lewat KinerjaBot; draf dikirim saat beliau mendaftar.");
    }

    /// <summary>A button on a draft-format message (Setujui, Paraf, Tandatangani, Kembalikan, Kirim draf perbaikan).</summary>
    public async Task HandlePressAsync(ConversationContext context, WorkflowInstance format, CallbackAction action, IWorkflowEffects effects)
    {
        var trigger = action.Trigger!.Value;
        if (await services.Workflows.PressRefusalAsync(format, trigger, context.Me.Id, action.Version) is { } refusal)
        {
            await VerificationFlow.RefuseAsync(context, services, format, refusal);
            return;
        }

        if (services.Workflows.ButtonFor(format, trigger)!.RequiresReason)
        {
            await VerificationFlow.AskReasonAsync(
                context,
                new PendingReturn(format.Id, format.Version, trigger, TargetUnitId: null, context.Event.Callback?.MessageId, EarlierMessageId: null),
                $"Mohon ketik alasan pengembalian draf format {Period.Parse(format.PeriodId).DisplayName}, agar operator mengetahui bagian yang perlu diperbaiki. Alasan wajib diisi. Ketik /batal bila tidak jadi mengembalikan.");
            return;
        }

        var outcome = await services.Workflows.FireAsync(context.Transaction, format.Id, trigger, new TransitionRequest(context.Me.Id), action.Version, effects, context.CancellationToken);
        if (!outcome.Succeeded)
        {
            await VerificationFlow.RefuseStaleAsync(context, format);
        }
    }

    /// <summary>/format [period]: an operator sends the corrected draft of a returned format back to the planning official.</summary>
    public async Task ResendAsync(ConversationContext context, string? periodId, IWorkflowEffects effects)
    {
        if (!context.Office.IsOperator(context.Me.Id))
        {
            await context.ReplyAsync("Maaf, perintah /format hanya untuk operator.");
            return;
        }

        if (periodId is not null && !Period.TryParse(periodId, out _))
        {
            await context.ReplyAsync($"Periode \"{periodId}\" tidak dikenali. Contoh: /format 2026-TW3");
            return;
        }

        var formats = new List<WorkflowInstance>();
        foreach (var opened in await context.Transaction.Periods.AllAsync(context.CancellationToken))
        {
            if ((periodId is null || opened.PeriodId == Period.Parse(periodId).Id)
                && await context.Transaction.Workflows.FindAsync(WorkflowKind.FormatApproval, opened.PeriodId, null, context.CancellationToken) is { } format)
            {
                formats.Add(format);
            }
        }

        var returned = formats.Where(f => f.State == FormatApprovalWorkflow.Correction).ToList();
        if (returned.Count > 1)
        {
            await context.ReplyAsync($"Ada {returned.Count} draf format yang dikembalikan ({string.Join(", ", returned.Select(f => f.PeriodId))}). Mohon sebutkan periodenya, misalnya /format {returned[0].PeriodId}.");
            return;
        }

        if (returned is not [var only])
        {
            var waiting = formats.FirstOrDefault(f => FormatApprovalWorkflow.StepHolder(context.Office, f.State) is not null);
            await context.ReplyAsync(waiting is null
                ? "Tidak ada draf format yang menunggu perbaikan."
                : $"Draf format {Period.Parse(waiting.PeriodId).DisplayName} sedang menunggu {FormatApprovalWorkflow.StepNoun(waiting.State)} oleh {BotTexts.EndSentence(context.Office.Official(FormatApprovalWorkflow.StepHolder(context.Office, waiting.State)!).Name)} Tidak ada yang perlu dikirim ulang.");
            return;
        }

        var outcome = await services.Workflows.FireAsync(context.Transaction, only.Id, WorkflowTrigger.Submit, new TransitionRequest(context.Me.Id), only.Version, effects, context.CancellationToken);
        if (!outcome.Succeeded)
        {
            await VerificationFlow.RefuseStaleAsync(context, only);
            await context.ReplyAsync(context.CallbackNotice ?? BotTexts.AlreadyProcessed);
            context.CallbackNotice = null;
        }
    }

    /// <summary>Review or Paraf approved: thanks to the presser, the draft to the next signer.</summary>
    public async Task OnApprovedAsync(ConversationContext context, FiredTransition fired)
    {
        var period = Period.Parse(fired.After.PeriodId);
        await SetDeadlineAsync(context, fired.After);
        var next = context.Office.Official(FormatApprovalWorkflow.StepHolder(context.Office, fired.After.State)!);
        await context.ReplyAsync($"Terima kasih, draf format {period.DisplayName} sudah {FormatApprovalWorkflow.StepDone(fired.Before.State).ToLowerInvariant()} dan diteruskan kepada {BotTexts.EndSentence(next.Name)}");
        await SendDraftOrSayAsync(context, fired.After);
    }

    /// <summary>A signer returned the draft: the reason and the way to send it back, to every operator.</summary>
    public async Task OnReturnedAsync(ConversationContext context, FiredTransition fired)
    {
        var period = Period.Parse(fired.After.PeriodId);
        await SetDeadlineAsync(context, fired.After);
        await context.ReplyAsync($"Draf format {period.DisplayName} dikembalikan kepada operator untuk diperbaiki. Bapak/Ibu akan menerimanya lagi setelah diperbaiki.");
        var due = await context.Transaction.Workflows.GetStageDeadlineAsync(fired.After.Id, context.CancellationToken);
        foreach (var operatorId in context.Office.Roles.OperatorIds.Where(id => id != context.Me.Id))
        {
            var text = new MessageText()
                .Bold($"Draf format {period.DisplayName} dikembalikan").Line($" oleh {BotTexts.EndSentence(context.Me.Name)}")
                .Plain("Alasan: ").Line(fired.Request.Reason ?? "–");
            if (due is { } d)
            {
                text.Plain("Batas waktu perbaikan: ").BoldLine(IndonesianFormat.DateTime(d, context.Office.Office.TimeZone));
            }

            text.Line()
                .Plain($"Mohon perbaiki indikator atau targetnya di config/indicators.yaml (KinerjaBot perlu dijalankan ulang agar perubahan terbaca), lalu ketik /format atau tekan \"{FormatApprovalWorkflow.ResendLabel}\" untuk mengirim draf perbaikannya.");
            await context.SendToAsync(operatorId, text, await WorkflowChoices.ForAsync(services.Workflows, fired.After, operatorId));
        }
    }

    /// <summary>An operator sent the corrected draft: back to the planning official, with the reason it answers.</summary>
    public async Task OnResentAsync(ConversationContext context, FiredTransition fired)
    {
        var period = Period.Parse(fired.After.PeriodId);
        await SetDeadlineAsync(context, fired.After);
        var returned = (await context.Transaction.Audit.ForInstanceAsync(fired.After.Id, context.CancellationToken)).LastOrDefault(a => a.Trigger == WorkflowTrigger.Return);
        var planning = context.Office.Official(context.Office.Roles.PlanningId);
        await context.ReplyAsync($"Terima kasih. Draf format perbaikan {period.DisplayName} telah dikirim kepada {planning.Name} untuk diperiksa kembali.");
        await SendDraftOrSayAsync(context, fired.After, returned?.Reason is { } reason ? $"Ini draf perbaikan atas pengembalian dengan alasan: {reason}" : null);
    }

    /// <summary>
    /// The head signed: the letter takes the year's next number (in this transaction, so it never repeats or skips),
    /// the signed format and the letter are archived, and only then is every unit head sent the letter and their prompt.
    /// </summary>
    public async Task OnSignedAsync(ConversationContext context, FiredTransition fired)
    {
        var office = context.Office;
        var format = fired.After;
        var period = Period.Parse(format.PeriodId);
        await context.Transaction.Workflows.SetStageDeadlineAsync(format.Id, null, context.CancellationToken);
        var year = services.Calendar.LocalDate(context.Now).Year;
        var running = await context.Transaction.Letters.AllocateAsync(year, period.Id, format.Id, context.Now, context.CancellationToken);
        var number = office.FormatApproval.LetterNumber(running, year);
        var invited = await opening.InviteAsync(context.Transaction, period, context.Now, context.CancellationToken);
        var (formatPdf, letterPdf) = await archive.ArchiveSignedAsync(context.Transaction, format, number, context.Now, invited.FillDeadline!.Value, context.CancellationToken);

        var formatMessage = new OutgoingMessage
        {
            Text = MessageText.Of($"Format data kinerja {period.DisplayName} (lampiran Surat Nomor {number}).").Spans,
            DocumentPath = formatPdf,
            DocumentName = Path.GetFileName(formatPdf),
        };
        foreach (var head in invited.Invited.Select(i => i.HeadId).Distinct())
        {
            await context.SendToAsync(head, formatMessage);
        }

        var notified = await announcer.AnnounceAsync(context.Transaction, invited, context.Now, context.CancellationToken, letterPdf);
        var summary = $"Surat Pemberitahuan Nomor {number} dan format data kinerja {period.DisplayName} telah ditandatangani dan diarsipkan. "
            + $"Permintaan pengisian dikirim kepada {invited.Units} kepala unit"
            + (notified == invited.Units ? "." : $" ({notified} sudah menerima; yang belum mendaftar menerimanya saat mendaftar).")
            + $" Batas pengisian: {IndonesianFormat.DateTime(invited.FillDeadline.Value, office.Office.TimeZone)}.";
        await context.ReplyAsync(new OutgoingMessage { Text = MessageText.Of($"Terima kasih. {summary}").Spans, DocumentPath = letterPdf, DocumentName = Path.GetFileName(letterPdf) });
        foreach (var official in office.Roles.OperatorIds.Append(office.Roles.PlanningId).Append(office.Roles.SecretaryId).Distinct().Where(id => id != context.Me.Id))
        {
            await context.SendToAsync(official, new OutgoingMessage { Text = MessageText.Of(summary).Spans, DocumentPath = letterPdf, DocumentName = Path.GetFileName(letterPdf) });
            await context.SendToAsync(official, formatMessage);
        }
    }

    private async Task SendDraftOrSayAsync(ConversationContext context, WorkflowInstance format, string? note = null)
    {
        if (!await SendDraftAsync(context.Transaction, format, context.Now, context.CancellationToken, note)
            && FormatApprovalWorkflow.StepHolder(context.Office, format.State) is { } holderId && holderId != context.Me.Id)
        {
            await context.ReplyAsync($"Catatan: {context.Office.Official(holderId).Name} belum dapat dihubungi lewat KinerjaBot (belum mendaftar atau memblokir bot). Draf akan dikirim saat beliau mendaftar; mohon sampaikan kepada beliau.");
        }
    }

    private Task SetDeadlineAsync(ConversationContext context, WorkflowInstance format)
    {
        var settings = context.Office.FormatApproval;
        var duration = format.State == FormatApprovalWorkflow.Review ? settings.Review
            : format.State == FormatApprovalWorkflow.Paraf ? settings.Paraf
            : format.State == FormatApprovalWorkflow.Signature ? settings.Sign
            : settings.Fix;
        return context.Transaction.Workflows.SetStageDeadlineAsync(format.Id, services.Calendar.DeadlineFrom(context.Now, duration), context.CancellationToken);
    }

    /// <summary>"Sudah disetujui oleh …, Rabu, 2 Desember 2026 09.00 WIB." for the steps done since the draft last went out.</summary>
    private async Task<IReadOnlyList<string>> DoneStepsAsync(StoreTransaction transaction, WorkflowInstance format, CancellationToken cancellationToken)
    {
        var audit = await transaction.Audit.ForInstanceAsync(format.Id, cancellationToken);
        return FormatApprovalWorkflow.CurrentPass(audit)
            .Where(entry => entry.Trigger == WorkflowTrigger.Approve)
            .Select(entry => $"Sudah {FormatApprovalWorkflow.StepDone(entry.From).ToLowerInvariant()} oleh {services.Office.Officials.FirstOrDefault(o => o.Id == entry.ActorId)?.Name ?? entry.ActorId}, {IndonesianFormat.DateTime(entry.AtUtc, services.Office.Office.TimeZone)}.")
            .ToList();
    }

    private static string Verb(WorkflowState state) =>
        state == FormatApprovalWorkflow.Review ? "memeriksa" : state == FormatApprovalWorkflow.Paraf ? "memaraf" : "menandatangani";
}
