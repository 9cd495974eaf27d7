using KinerjaBot.Actions;
using KinerjaBot.Domain;
using KinerjaBot.Messaging;
using KinerjaBot.Workflow;

namespace KinerjaBot.Conversations;

/// <summary>
/// Workflow button presses on unit submissions (Mulai isi, Kirim, Setujui, Kembalikan, Perbaiki) and the messages
/// each decision sends on: to the next verifier, back to the unit head, or on to the office report.
/// </summary>
public sealed class VerificationFlow(
    ConversationServices services, FillingFlow filling, SubmissionFormatter formatter, IOfficeReportChain reportChain, FormatApprovalFlow formatApproval, IMeasurementChain measurementChain)
{
    /// <summary>The shortest return reason that can tell a unit head what to fix.</summary>
    public const int MinReasonWords = ReasonRule.MinWords;

    public const int MinReasonLength = ReasonRule.MinLength;

    public async Task HandleTriggerPressAsync(ConversationContext context, CallbackAction action)
    {
        var instance = await context.Transaction.Workflows.GetAsync(action.InstanceId, context.CancellationToken);
        if (instance is null || action.Trigger is not { } trigger)
        {
            context.CallbackNotice = BotTexts.UnknownButton;
            await context.RemovePressedChoicesAsync();
            return;
        }

        if (instance.Kind == WorkflowKind.OfficeReport)
        {
            await reportChain.HandlePressAsync(context, instance, action, EffectsFor(context));
            return;
        }

        if (instance.Kind == WorkflowKind.FormatApproval)
        {
            await formatApproval.HandlePressAsync(context, instance, action, EffectsFor(context));
            return;
        }

        if (instance.Kind == WorkflowKind.Measurement)
        {
            await measurementChain.HandlePressAsync(context, instance, action, EffectsFor(context));
            return;
        }

        if (trigger == WorkflowTrigger.Reopen)
        {
            // Reopening a verified unit is part of a report return (OfficeReportChain), never a button of its own.
            context.CallbackNotice = BotTexts.UnknownButton;
            return;
        }

        // A Kirim pressed while a filling question about this very submission is open comes from a summary that
        // an Ubah already replaced (its buttons may not be gone yet): sending would lose the correction being typed.
        if (trigger == WorkflowTrigger.Submit && context.State is FillingQuestion open && open.InstanceId == instance.Id)
        {
            context.CallbackNotice = BotTexts.SummaryOutdated;
            await context.RemovePressedChoicesAsync();
            return;
        }

        if (await services.Workflows.PressRefusalAsync(instance, trigger, context.Me.Id, action.Version) is { } refusal)
        {
            await RefuseAsync(context, instance, refusal);
            return;
        }

        if (services.Workflows.ButtonFor(instance, trigger)!.RequiresReason)
        {
            var unit = context.Office.Unit(instance.UnitId!);
            await AskReasonAsync(
                context,
                new PendingReturn(instance.Id, instance.Version, trigger, TargetUnitId: null, context.Event.Callback?.MessageId, EarlierMessageId: null),
                $"Mohon ketik alasan pengembalian data {unit.Name}, agar {context.Office.Official(unit.HeadId).Name} mengetahui bagian yang perlu diperbaiki. Alasan wajib diisi. Ketik /batal bila tidak jadi mengembalikan.");
            return;
        }

        if (trigger == WorkflowTrigger.Submit && !await ReadyToSubmitAsync(context, instance.Id))
        {
            return;
        }

        await FireAsync(context, instance.Id, trigger, action.Version, reason: null);
    }

    /// <summary>
    /// /isi before Mulai isi was pressed: fires Start through the workflow service as the press does (same refusal
    /// checks), so a typed command and the button cannot disagree about who may start.
    /// </summary>
    public async Task StartFillingAsync(ConversationContext context, WorkflowInstance instance)
    {
        if (await services.Workflows.PressRefusalAsync(instance, WorkflowTrigger.Start, context.Me.Id, instance.Version) is { } refusal)
        {
            await RefuseAsync(context, instance, refusal);
        }
        else
        {
            await FireAsync(context, instance.Id, WorkflowTrigger.Start, instance.Version, reason: null);
        }

        // A typed command has no button to show the refusal's notice on: say it in the chat.
        if (context.CallbackNotice is { } notice)
        {
            context.CallbackNotice = null;
            await context.ReplyAsync($"{notice} Ketik /status untuk melihat kemajuan.");
        }
    }

    /// <summary>
    /// A typed return reason. With one return waiting it goes to that one; with several, the bot holds it and asks
    /// which item it is for, so a reason never lands on an item it was not written for.
    /// </summary>
    public async Task HandleReasonAsync(ConversationContext context, AwaitingReasonState state)
    {
        var reason = context.Event.Text?.Trim() ?? string.Empty;
        if (ReasonRule.Problem(reason, "pengembalian", "bagian yang perlu diperbaiki") is { } problem)
        {
            await context.ReplyAsync(problem);
            return;
        }

        if (state.Returns is [var only])
        {
            context.State = state.Without(only);
            await FireReturnAsync(context, only, reason);
            return;
        }

        context.State = state with { HeldReason = reason };
        var choices = new List<IReadOnlyList<Choice>>();
        foreach (var pending in state.Returns)
        {
            choices.Add([new Choice(await ButtonLabelAsync(context, pending), ReasonChoice.For(pending))]);
        }

        await context.ReplyAsync(MessageText.Of($"Ada {state.Returns.Count} pengembalian yang menunggu alasan. Alasan ini untuk yang mana? Silakan pilih:"), choices);
    }

    /// <summary>The official picked the item a held reason is for.</summary>
    public async Task HandleReasonChoicePressAsync(ConversationContext context, long instanceId, string? targetUnitId)
    {
        if (context.State is not AwaitingReasonState { HeldReason: { } reason } state
            || state.Returns.FirstOrDefault(r => r.InstanceId == instanceId && r.TargetUnitId == targetUnitId) is not { } chosen)
        {
            context.CallbackNotice = BotTexts.AlreadyProcessed;
            await context.RemovePressedChoicesAsync();
            return;
        }

        context.State = state.Without(chosen);
        await FireReturnAsync(context, chosen, reason);
        if (context.State is AwaitingReasonState { Returns: var left })
        {
            await context.ReplyAsync($"Masih menunggu alasan pengembalian {await DescribeAsync(context, left)}. Mohon ketik alasannya, atau /batal untuk membatalkan.");
        }
    }

    /// <summary>
    /// Asks for a return reason. Returns already waiting keep waiting (each gets its own reason); a filling
    /// question that was open is put on hold (not lost: its answers are saved), and the official is told how to
    /// come back to it.
    /// </summary>
    public static async Task AskReasonAsync(ConversationContext context, PendingReturn pending, string prompt)
    {
        var interrupted = context.State is FillingQuestion;
        var waiting = context.State is AwaitingReasonState earlier ? earlier.Returns.Where(r => !r.SameItemAs(pending)).ToList() : [];
        context.State = new AwaitingReasonState([.. waiting, pending]);
        if (waiting.Count > 0)
        {
            prompt += $"\n\nAlasan pengembalian {await DescribeAsync(context, waiting)} juga masih ditunggu; bila ada beberapa, bot akan menanyakan alasan yang diketik untuk yang mana.";
        }

        await context.ReplyAsync(interrupted ? $"{prompt}\n\n(Pertanyaan pengisian data ditunda; ketik /isi setelah ini untuk melanjutkannya.)" : prompt);
    }

    /// <summary>"data Seksi Pemerintahan dan laporan ke Seksi Kesejahteraan Sosial": what the returns are about.</summary>
    public static async Task<string> DescribeAsync(ConversationContext context, IEnumerable<PendingReturn> returns)
    {
        var phrases = new List<string>();
        foreach (var pending in returns)
        {
            var instance = await context.Transaction.Workflows.GetAsync(pending.InstanceId, context.CancellationToken);
            phrases.Add(instance?.UnitId is { } unitId && instance.Kind == WorkflowKind.UnitSubmission ? $"data {UnitName(context, unitId)}"
                : instance?.Kind == WorkflowKind.FormatApproval ? $"draf format {Period.Parse(instance.PeriodId).DisplayName}"
                : instance?.Kind == WorkflowKind.Measurement ? "laporan pengukuran kinerja"
                : pending.TargetUnitId is { } target ? $"laporan ke {UnitName(context, target)}"
                : "laporan ke tahap sebelumnya");
        }

        return string.Join(" dan ", phrases);
    }

    private static async Task<string> ButtonLabelAsync(ConversationContext context, PendingReturn pending)
    {
        var phrase = await DescribeAsync(context, [pending]);
        return phrase.StartsWith("data ", StringComparison.Ordinal) ? phrase["data ".Length..] : char.ToUpperInvariant(phrase[0]) + phrase[1..];
    }

    private static string UnitName(ConversationContext context, string unitId) =>
        context.Office.Units.FirstOrDefault(u => u.Id == unitId)?.Name ?? unitId;

    private async Task FireReturnAsync(ConversationContext context, PendingReturn pending, string reason)
    {
        var instance = await context.Transaction.Workflows.GetAsync(pending.InstanceId, context.CancellationToken);
        if (instance?.Kind == WorkflowKind.OfficeReport)
        {
            await reportChain.HandleReasonAsync(context, instance, pending, reason, EffectsFor(context, pending.SourceMessageId, pending.EarlierMessageId));
            return;
        }

        if (!await FireAsync(context, pending.InstanceId, pending.Trigger, pending.Version, reason, pending.SourceMessageId)
            && context.CallbackNotice is { } notice)
        {
            // A typed reason has no button to show the notice on: say it in the chat.
            await context.ReplyAsync($"{notice} Alasan yang Bapak/Ibu ketik tidak disimpan.");
        }
    }

    /// <summary>Sends the submission to the verifier at <paramref name="position"/> with Setujui / Kembalikan.</summary>
    public async Task SendToVerifierAsync(ConversationContext context, SubmissionSnapshot submission, int position)
    {
        var verifierId = services.Workflows.RecipientFor(submission.Unit.VerifierIds[position - 1]);
        var head = context.Office.Official(submission.Unit.HeadId);
        var previous = submission.Instance.Revision > 1
            ? await context.Transaction.Values.AsOfRevisionAsync(submission.Instance.Id, submission.Instance.Revision - 1, context.CancellationToken)
            : null;

        // Evidence this verifier already received with the previous revision is not sent again.
        var sawPrevious = previous is not null && await ReachedInPreviousRevisionAsync(context, submission.Instance, position);
        foreach (var (code, value) in submission.Values.Where(v => v.Value.EvidencePath is not null))
        {
            if (sawPrevious && previous!.GetValueOrDefault(code)?.EvidencePath == value.EvidencePath)
            {
                continue;
            }

            await context.SendToAsync(verifierId, new OutgoingMessage
            {
                Text = MessageText.Of($"Bukti {code} — {submission.Unit.Name}").Spans,
                DocumentPath = Path.Combine(services.DataDirectory, value.EvidencePath!),
                DocumentName = $"bukti-{code}-{submission.Unit.Id}{Path.GetExtension(value.EvidencePath!)}",
            });
        }

        var deadline = await context.Transaction.Workflows.GetStageDeadlineAsync(submission.Instance.Id, context.CancellationToken);

        // When the head sent it, not when this message is built (it may be for the second verifier, or a re-send).
        var audit = await context.Transaction.Audit.ForInstanceAsync(submission.Instance.Id, context.CancellationToken);
        var submitted = audit.LastOrDefault(a => a.Trigger == WorkflowTrigger.Submit)?.AtUtc ?? context.Now;
        var text = new MessageText()
            .Bold($"Verifikasi data {submission.Unit.Name}").Line($" — {submission.Period.DisplayName}" + (submission.Instance.Revision > 1 ? $" (Revisi ke-{submission.Instance.Revision})" : string.Empty))
            .Line($"Dikirim oleh {head.Name}, {IndonesianFormat.DateTime(submitted, context.Office.Office.TimeZone)}.");
        if (submission.Unit.VerifierIds.Count > 1)
        {
            text.Line($"Bapak/Ibu adalah verifikator ke-{position} dari {submission.Unit.VerifierIds.Count}.");
        }

        AppendHandOff(context, text, audit, position);

        text.Line();
        var changed = formatter.AppendValues(text, submission, previous, await submission.LastPeriodValuesAsync(context));
        if (previous is not null && changed == 0)
        {
            text.Line().Line("Tidak ada nilai yang diubah sejak data ini dikembalikan.");
        }

        if (deadline is { } due)
        {
            text.Line().Line($"Batas waktu verifikasi: {IndonesianFormat.DateTime(due, context.Office.Office.TimeZone)}.");
        }

        if (ActingFlow.StandInNote(services, submission.Unit.VerifierIds[position - 1]) is { } note)
        {
            text.Line(note);
        }

        text.Plain($"Tekan \"{BotTexts.Approve}\" bila data sudah benar, atau \"{BotTexts.Return}\" untuk mengembalikan dengan alasan.");
        var choices = await WorkflowChoices.ForAsync(services.Workflows, submission.Instance, verifierId);
        await context.SendToAsync(verifierId, text, await BulkApprovalFlow.WithBulkChoiceAsync(context, services, verifierId, submission, text, choices));
    }

    /// <summary>
    /// What the verifier should know of the hand-off: who approved before them (by name) and, on a resubmission, why
    /// it came back — a reopen from the office report chain (its verifiers saw nothing of it) or a verifier's return.
    /// </summary>
    private static void AppendHandOff(ConversationContext context, MessageText text, IReadOnlyList<AuditEntry> audit, int position)
    {
        var zone = context.Office.Office.TimeZone;
        if (position > 1 && audit.LastOrDefault(a => a.Trigger == WorkflowTrigger.Approve && a.To == UnitSubmissionWorkflow.Submitted(position)) is { } approval)
        {
            text.Line($"Sudah disetujui oleh verifikator ke-{position - 1}, {OfficialName(context, approval.ActorId)}, {IndonesianFormat.DateTime(approval.AtUtc, zone)}.");
        }

        var lastReturn = audit.LastOrDefault(a => a.To == UnitSubmissionWorkflow.Returned);
        if (lastReturn is { Trigger: WorkflowTrigger.Reopen or WorkflowTrigger.Return })
        {
            var how = lastReturn.Trigger == WorkflowTrigger.Reopen ? "dibuka kembali dari laporan kantor" : "dikembalikan";
            text.Plain($"Data ini sebelumnya {how} oleh {OfficialName(context, lastReturn.ActorId)}, {IndonesianFormat.DateTime(lastReturn.AtUtc, zone)}. Alasan: ")
                .Line(lastReturn.Reason ?? "–");
        }
    }

    private static string OfficialName(ConversationContext context, string officialId) =>
        context.Office.Officials.FirstOrDefault(o => o.Id == officialId)?.Name ?? officialId;

    /// <summary>Whether the verifier at <paramref name="position"/> was sent the revision before the current one.</summary>
    private static async Task<bool> ReachedInPreviousRevisionAsync(ConversationContext context, WorkflowInstance instance, int position)
    {
        var audit = await context.Transaction.Audit.ForInstanceAsync(instance.Id, context.CancellationToken);
        var fixes = audit.Select((entry, index) => (entry, index)).Where(e => e.entry.Trigger == WorkflowTrigger.Fix).Select(e => e.index).ToList();
        var start = fixes.Count >= 2 ? fixes[^2] : 0;
        var end = fixes.Count >= 1 ? fixes[^1] : audit.Count;
        return audit.Skip(start).Take(end - start).Any(a => a.To == UnitSubmissionWorkflow.Submitted(position));
    }

    /// <summary>Tells the unit head their data came back, with the reason and Perbaiki.</summary>
    public async Task SendReturnToHeadAsync(ConversationContext context, SubmissionSnapshot submission, string returnedBy, string? reason)
    {
        var text = new MessageText()
            .Bold($"Data {submission.Unit.Name} — {submission.Period.DisplayName} dikembalikan").Line($" oleh {BotTexts.EndSentence(returnedBy)}")
            .Plain("Alasan: ").Line(reason ?? "–");
        if (await FixDueByAsync(context, submission) is { } due)
        {
            text.Plain("Batas waktu perbaikan: ").BoldLine(IndonesianFormat.DateTime(due, context.Office.Office.TimeZone));
        }

        text.Line()
            .Plain($"Tekan \"{BotTexts.Fix}\" untuk memperbaiki; nilai yang sudah benar tidak perlu diisi ulang.");
        var headId = services.Workflows.RecipientFor(submission.Unit.HeadId);
        await context.SendToAsync(headId, text, await WorkflowChoices.ForAsync(services.Workflows, submission.Instance, headId));
    }

    /// <summary>
    /// By when the returned data is due back, as the reminders count it (<see cref="Reminders.OwedWorkFinder"/>): a
    /// stage deadline set for the fix, else <see cref="FixDeadline"/> from the latest return.
    /// </summary>
    private async Task<DateTimeOffset?> FixDueByAsync(ConversationContext context, SubmissionSnapshot submission)
    {
        if (await context.Transaction.Workflows.GetStageDeadlineAsync(submission.Instance.Id, context.CancellationToken) is { } stored)
        {
            return stored;
        }

        var returned = (await context.Transaction.Audit.ForInstanceAsync(submission.Instance.Id, context.CancellationToken)).LastOrDefault(a => a.To == UnitSubmissionWorkflow.Returned);
        var opened = await context.Transaction.Periods.GetAsync(submission.Period.Id, context.CancellationToken);
        return returned is null || opened is null ? null : FixDeadline.After(services.Calendar, services.Office.Deadlines.Verify, returned.AtUtc, opened.FillDeadline);
    }

    /// <summary>The effects of a transition fired from this conversation, clearing the buttons of <paramref name="decidedMessageIds"/> too.</summary>
    public IWorkflowEffects EffectsFor(ConversationContext context, params long?[] decidedMessageIds) =>
        new ChatWorkflowEffects(context, services, this, filling, reportChain, formatApproval, measurementChain, decidedMessageIds.OfType<long>().ToList());

    private async Task<bool> FireAsync(ConversationContext context, long instanceId, WorkflowTrigger trigger, int version, string? reason, long? decidedMessageId = null)
    {
        var request = new TransitionRequest(context.Me.Id, reason);
        var outcome = await services.Workflows.FireAsync(context.Transaction, instanceId, trigger, request, version, EffectsFor(context, decidedMessageId), context.CancellationToken);
        if (!outcome.Succeeded)
        {
            await RefuseAsync(context, outcome.Instance, outcome.Refusal.Value);
            return false;
        }

        return true;
    }

    private async Task<bool> ReadyToSubmitAsync(ConversationContext context, long instanceId)
    {
        var submission = await SubmissionSnapshot.LoadAsync(context, instanceId);
        if (submission is null)
        {
            return false;
        }

        var owedEvidence = FillingFlow.OwedEvidence(submission);
        var missing = submission.Indicators.Where(i => !submission.Values.ContainsKey(i.Code)).Select(i => $"{i.Code} belum diisi")
            .Concat(submission.MissingEvidence().Select(i => $"bukti wajib {i.Code} belum dikirim"))
            .ToList();
        if (missing.Count == 0)
        {
            return true;
        }

        context.CallbackNotice = "Data belum lengkap.";
        var how = owedEvidence.Count > 0
            ? $" Tekan \"{BotTexts.SendEvidence} …\" di bawah lalu lampirkan foto atau dokumennya (📎), atau ketik /isi untuk melengkapinya."
            : " Ketik /isi untuk melengkapinya.";
        await context.ReplyAsync(MessageText.Of($"Data belum bisa dikirim: {string.Join("; ", missing)}.{how}"), FillingFlow.EvidenceChoices(submission, owedEvidence));
        return false;
    }

    /// <summary>A press someone else may make is refused as theirs; a stale or out-of-state one as "Sudah diproses oleh …".</summary>
    public Task RefuseAsync(ConversationContext context, WorkflowInstance instance, RefusalReason refusal) => RefuseAsync(context, services, instance, refusal);

    /// <inheritdoc cref="RefuseAsync(ConversationContext, WorkflowInstance, RefusalReason)"/>
    public static Task RefuseAsync(ConversationContext context, ConversationServices services, WorkflowInstance instance, RefusalReason refusal)
    {
        if (refusal == RefusalReason.WrongPerson)
        {
            // An official whose step a Plt. / Plh. holds today is told who holds it, not just "not yours".
            context.CallbackNotice = services.Workflows.Today().AbsenceOf(context.Me.Id) is { } absence
                ? $"Sampai {IndonesianFormat.Date(absence.To)} tugas ini dilaksanakan oleh {absence.Capacity.TitleFor(context.Office)} ({context.Office.Official(absence.ById).Name})."
                : BotTexts.NotYourButton;
            return Task.CompletedTask;
        }

        return RefuseStaleAsync(context, instance);
    }

    /// <summary>"Sudah diproses oleh …": the press came after someone (maybe the presser, on another phone) acted.</summary>
    public static async Task RefuseStaleAsync(ConversationContext context, WorkflowInstance instance)
    {
        if (instance.State == UnitSubmissionWorkflow.Closed)
        {
            context.CallbackNotice = "Periode ini sudah ditutup; tombol ini tidak berlaku lagi.";
            await context.RemovePressedChoicesAsync();
            return;
        }

        var last = (await context.Transaction.Audit.ForInstanceAsync(instance.Id, context.CancellationToken)).LastOrDefault();
        var by = last is null ? null : context.Office.Officials.FirstOrDefault(o => o.Id == last.ActorId);
        context.CallbackNotice = by is null ? BotTexts.AlreadyProcessed
            : by.Id == context.Official?.Id ? "Sudah Bapak/Ibu proses sebelumnya."
            : $"Sudah diproses oleh {BotTexts.EndSentence(by.Name)}";
        await context.RemovePressedChoicesAsync();
    }
}
