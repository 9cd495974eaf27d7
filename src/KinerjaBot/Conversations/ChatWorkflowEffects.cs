using KinerjaBot.Actions;
using KinerjaBot.Messaging;
using KinerjaBot.Workflow;

namespace KinerjaBot.Conversations;

/// <summary>
/// What the workflow transitions do in the chat, bound to the conversation that fired them: every message they queue
/// and every deadline they set goes into that conversation's store transaction, so a transition, its data and its
/// replies commit together or not at all. <paramref name="decidedMessageIds"/> are messages besides the pressed one
/// whose buttons the decision replaces (the message a typed reason answers).
/// </summary>
internal sealed class ChatWorkflowEffects(
    ConversationContext context,
    ConversationServices services,
    VerificationFlow verification,
    FillingFlow filling,
    IOfficeReportChain reportChain,
    FormatApprovalFlow formatApproval,
    IMeasurementChain measurementChain,
    IReadOnlyList<long> decidedMessageIds) : IWorkflowEffects
{
    public async Task DecidedAsync(FiredTransition fired)
    {
        // The bot's own moves (opening the report), a reopen done as part of a report return, and closing or opening a
        // period again (one confirmation for every unit) decide no message of their own.
        if (fired.Trigger is WorkflowTrigger.OpenReport or WorkflowTrigger.Reopen or WorkflowTrigger.Close or WorkflowTrigger.OpenAgain)
        {
            return;
        }

        // A return reason still awaited for this instance is moot now that it has moved on.
        if (context.State is AwaitingReasonState pending && pending.Returns.Any(r => r.InstanceId == fired.After.Id))
        {
            context.State = pending.WithoutInstance(fired.After.Id);
        }

        // Buttons go first, so no reply can arrive while the decided message still offers them.
        var decision = DecisionRecord(fired);
        if (ThanksNoted(fired, decision) is { } noted && await context.CanNoteDecisionAsync(noted, decidedMessageIds))
        {
            decision = noted;
            _thanksNoted = true;
        }

        if (fired.Trigger == WorkflowTrigger.Start && decision is null)
        {
            // The first question is written into the pressed opening message, which loses its Mulai isi with it.
            context.ContinueInPressedMessage();
        }
        else
        {
            await context.RemovePressedChoicesAsync(decision);
        }

        foreach (var messageId in decidedMessageIds)
        {
            await context.RemoveChoicesAsync(messageId, decision);
        }
    }

    // The thanks for a Kirim or Setujui is written under the pressed message instead of following it (decisions/0021).
    private bool _thanksNoted;

    public Task FillingStartedAsync(FiredTransition fired) => filling.ContinueAsync(context, fired.After.Id);

    public async Task SubmittedAsync(FiredTransition fired)
    {
        await SetVerifyDeadlineAsync(fired);
        var submission = await LoadAsync(fired);
        await ThankAsync(SubmittedThanks(submission.Unit));
        await verification.SendToVerifierAsync(context, submission, 1);
    }

    public async Task PassedToVerifierAsync(FiredTransition fired, int position)
    {
        await SetVerifyDeadlineAsync(fired);
        var submission = await LoadAsync(fired);
        var nextVerifier = context.Office.Official(submission.Unit.VerifierIds[position - 1]);
        await ThankAsync($"Terima kasih, data {submission.Unit.Name} disetujui dan diteruskan kepada {BotTexts.EndSentence(nextVerifier.Name)}");
        await context.SendToAsync(submission.Unit.HeadId, MessageText.Of($"Data {submission.Unit.Name} — {submission.Period.DisplayName} disetujui oleh {context.Me.Name} dan diteruskan kepada {BotTexts.EndSentence(nextVerifier.Name)}"));
        await verification.SendToVerifierAsync(context, submission, position);
    }

    public async Task VerifiedAsync(FiredTransition fired)
    {
        await context.Transaction.Workflows.SetStageDeadlineAsync(fired.After.Id, null, context.CancellationToken);
        var submission = await LoadAsync(fired);
        await ThankAsync(VerifiedThanks(submission.Unit));
        await context.SendToAsync(submission.Unit.HeadId, MessageText.Of($"Data {submission.Unit.Name} — {submission.Period.DisplayName} telah terverifikasi. Terima kasih."));
        await reportChain.OnUnitVerifiedAsync(context, submission.Period, this);
    }

    public async Task ReturnedAsync(FiredTransition fired)
    {
        await context.Transaction.Workflows.SetStageDeadlineAsync(fired.After.Id, null, context.CancellationToken);
        var submission = await LoadAsync(fired);
        await context.ReplyAsync($"Data {submission.Unit.Name} dikembalikan kepada {BotTexts.EndSentence(context.Office.Official(submission.Unit.HeadId).Name)} Bapak/Ibu akan menerimanya lagi setelah diperbaiki.");
        await verification.SendReturnToHeadAsync(context, submission, context.Me.Name, fired.Audit.Reason);
    }

    public async Task ReopenedAsync(FiredTransition fired) =>
        await verification.SendReturnToHeadAsync(context, await LoadAsync(fired), context.Me.Name, fired.Audit.Reason);

    public async Task FixStartedAsync(FiredTransition fired) => await filling.ShowSummaryAsync(context, await LoadAsync(fired));

    public Task ClosedAsync(FiredTransition fired) => PeriodClosingFlow.TellClosedAsync(context, services, fired);

    public Task StageEnteredAsync(FiredTransition fired) => reportChain.OnStageEnteredAsync(context, fired);

    public Task SignedAsync(FiredTransition fired) => reportChain.OnSignedAsync(context, fired);

    public Task ReturnedToUnitAsync(FiredTransition fired) => reportChain.OnReturnedToUnitAsync(context, fired, this);

    public Task FormatApprovedAsync(FiredTransition fired) => formatApproval.OnApprovedAsync(context, fired);

    public Task FormatReturnedAsync(FiredTransition fired) => formatApproval.OnReturnedAsync(context, fired);

    public Task FormatResentAsync(FiredTransition fired) => formatApproval.OnResentAsync(context, fired);

    public Task FormatSignedAsync(FiredTransition fired) => formatApproval.OnSignedAsync(context, fired);

    public Task MeasurementSubmittedAsync(FiredTransition fired) => measurementChain.OnSubmittedAsync(context, fired);

    public Task MeasurementReturnedAsync(FiredTransition fired) => measurementChain.OnReturnedAsync(context, fired);

    public Task MeasurementReportedAsync(FiredTransition fired) => measurementChain.OnReportedAsync(context, fired);

    /// <summary>What replaces the decided message's buttons: "✅ Disetujui oleh …", "↩️ Dikembalikan. Alasan: …".</summary>
    private string? DecisionRecord(FiredTransition fired) => fired.Trigger switch
    {
        WorkflowTrigger.Submit when fired.Before.Kind == WorkflowKind.FormatApproval => "✅ Draf perbaikan dikirim.",
        WorkflowTrigger.Approve when fired.Before.Kind == WorkflowKind.FormatApproval =>
            $"✅ {FormatApprovalWorkflow.StepDone(fired.Before.State)} oleh {BotTexts.EndSentence(context.Me.Name)}",
        WorkflowTrigger.Submit when fired.Before.Kind == WorkflowKind.Measurement => "✅ Dikirim kepada Sekretaris untuk diperiksa.",
        WorkflowTrigger.Submit => "✅ Dikirim untuk diverifikasi.",
        WorkflowTrigger.Approve when fired.Before.Kind == WorkflowKind.OfficeReport =>
            $"✅ Sudah {OfficeReportWorkflow.StageDone(OfficeReportWorkflow.StageOf(context.Office, fired.Before.State)!.Kind)} oleh {BotTexts.EndSentence(context.Me.Name)}",
        WorkflowTrigger.Approve => $"✅ Disetujui oleh {BotTexts.EndSentence(context.Me.Name)}",
        WorkflowTrigger.Return or WorkflowTrigger.ReturnToPrevious or WorkflowTrigger.ReturnToUnit => $"↩️ Dikembalikan. Alasan: {fired.Request.Reason}",
        _ => null,
    };

    /// <summary>
    /// The decision record with the thanks that would otherwise follow it as a message of its own: a Kirim or Setujui on
    /// a unit's data. Null for every other decision.
    /// </summary>
    private string? ThanksNoted(FiredTransition fired, string? decision)
    {
        if (decision is null || fired.Before.Kind != WorkflowKind.UnitSubmission || fired.After.UnitId is not { } unitId)
        {
            return null;
        }

        var unit = context.Office.Unit(unitId);
        if (fired.Trigger == WorkflowTrigger.Submit)
        {
            return $"✅ {SubmittedThanks(unit)}";
        }

        if (fired.Trigger != WorkflowTrigger.Approve)
        {
            return null;
        }

        if (fired.After.State == UnitSubmissionWorkflow.Verified)
        {
            return $"{decision} {VerifiedThanks(unit)}";
        }

        var position = Enumerable.Range(1, unit.VerifierIds.Count).FirstOrDefault(p => UnitSubmissionWorkflow.Submitted(p) == fired.After.State);
        return position > 0
            ? $"{decision} Terima kasih, data {unit.Name} diteruskan kepada {BotTexts.EndSentence(context.Office.Official(unit.VerifierIds[position - 1]).Name)}"
            : null;
    }

    private string SubmittedThanks(Configuration.Unit unit) =>
        $"Terima kasih. Data {unit.Name} telah dikirim kepada {context.Office.Official(unit.VerifierIds[0]).Name} untuk diverifikasi.";

    private static string VerifiedThanks(Configuration.Unit unit) => $"Terima kasih, data {unit.Name} telah terverifikasi.";

    /// <summary>The thanks as a message of its own, unless the decided message already carries it (then a toast on the button).</summary>
    private async Task ThankAsync(string thanks)
    {
        if (_thanksNoted)
        {
            context.CallbackNotice ??= thanks;
            return;
        }

        await context.ReplyAsync(thanks);
    }

    private async Task<SubmissionSnapshot> LoadAsync(FiredTransition fired) =>
        (await SubmissionSnapshot.LoadAsync(context, fired.After.Id))!;

    private Task SetVerifyDeadlineAsync(FiredTransition fired) =>
        context.Transaction.Workflows.SetStageDeadlineAsync(fired.After.Id, services.Calendar.DeadlineFrom(context.Now, context.Office.Deadlines.Verify), context.CancellationToken);
}
