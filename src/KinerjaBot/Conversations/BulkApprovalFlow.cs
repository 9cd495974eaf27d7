using KinerjaBot.Actions;
using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Messaging;
using KinerjaBot.Workflow;

namespace KinerjaBot.Conversations;

/// <summary>
/// A verifier holding several submissions can approve them at once: from the second one on, each details message
/// carries "Setujui semua yang sudah saya periksa" under its own Setujui / Kembalikan (no list message of its own,
/// decisions/0021). A submission counts as examined only when its details message, with the Setujui of its current
/// version, reached the verifier's chat no later than the pressed message did (Telegram accepted it): the press
/// approves exactly those, each through the unit machine like its own Setujui, so a stale, forged or someone else's
/// press is refused the same way. Every approved unit's details message is rewritten with the decision, so a bulk
/// button stays live only on a message whose own unit is still open: it never approves nothing.
/// </summary>
public sealed class BulkApprovalFlow(ConversationServices services, VerificationFlow verification)
{
    /// <summary>Below this many held submissions the per-unit buttons are all a verifier needs.</summary>
    public const int MinimumForList = 2;

    /// <summary>
    /// The details message's buttons, with the bulk approval under them when <paramref name="verifierId"/> holds several
    /// submissions (this one included); <paramref name="text"/> then says what it covers.
    /// </summary>
    public static async Task<IReadOnlyList<IReadOnlyList<Choice>>> WithBulkChoiceAsync(
        ConversationContext context, ConversationServices services, string verifierId, SubmissionSnapshot details, MessageText text, IReadOnlyList<IReadOnlyList<Choice>> choices)
    {
        var held = await HeldAsync(context, services, verifierId);
        if (held.Count < MinimumForList || choices.Count == 0 || held.All(s => s.Instance.Id != details.Instance.Id))
        {
            return choices;
        }

        // The count only, not the other units' names: a message names the one unit it is about, so it is found by that name.
        text.Line().Line().Plain($"{held.Count} data menunggu verifikasi Bapak/Ibu, termasuk data ini. ")
            .Plain($"\"{BotTexts.ApproveSeen}\" menyetujui sekaligus data ini dan data lain yang pesannya sudah Bapak/Ibu terima di atas; data yang pesannya datang kemudian tidak ikut disetujui.");
        return [.. choices, [new Choice(BotTexts.ApproveSeen, CallbackAction.ApproveSeen)]];
    }

    public async Task HandlePressAsync(ConversationContext context)
    {
        var list = await context.Transaction.Outbox.RowOfSentMessageAsync(context.Event.ChatId, context.Event.Callback!.MessageId, context.CancellationToken);
        if (list is not { } listRow)
        {
            context.CallbackNotice = BotTexts.StaleCopy;
            await context.RemovePressedChoicesAsync();
            return;
        }

        if (context.Office.Units.All(u => !u.VerifierIds.Contains(context.Me.Id)))
        {
            context.CallbackNotice = BotTexts.NotYourButton;
            return;
        }

        var approved = new List<string>();
        var unseen = new List<string>();
        foreach (var submission in await HeldAsync(context, services, context.Me.Id))
        {
            var instance = submission.Instance;

            // The pressed message itself counts: it is the details message of one of them.
            var shownIn = await context.Transaction.Outbox.DeliveredWithChoiceAsync(
                context.Event.ChatId, CallbackAction.ForTrigger(instance, WorkflowTrigger.Approve), listRow + 1, context.CancellationToken);
            if (shownIn is null)
            {
                unseen.Add(submission.Unit.Name);
                continue;
            }

            var outcome = await services.Workflows.FireAsync(
                context.Transaction, instance.Id, WorkflowTrigger.Approve, new TransitionRequest(context.Me.Id), instance.Version,
                verification.EffectsFor(context, shownIn), context.CancellationToken);
            if (outcome.Succeeded)
            {
                approved.Add(submission.Unit.Name);
            }
        }

        context.CallbackNotice = approved.Count > 0 ? $"{approved.Count} data disetujui." : BotTexts.AlreadyProcessed;
        var note = approved.Count > 0 ? $"✅ Disetujui sekaligus: {string.Join(", ", approved)}. Terima kasih." : "Tidak ada data yang disetujui.";
        await context.RemovePressedChoicesAsync(note);

        // On Telegram the pressed message now says what was approved; a reply is needed only for what was left out,
        // and on WhatsApp, which cannot rewrite a sent message.
        if (approved.Count > 0 && unseen.Count == 0 && await context.CanNoteDecisionAsync(note, []))
        {
            return;
        }

        var reply = approved.Count > 0
            ? $"Disetujui sekaligus oleh {BotTexts.Address(context.Me)}: {string.Join(", ", approved)}."
            : "Tidak ada data yang disetujui: data ini sudah diproses.";
        if (unseen.Count > 0)
        {
            reply += $"\n\nBelum disetujui karena pesannya belum Bapak/Ibu terima sebelum pesan yang tombolnya ditekan: {string.Join(", ", unseen)}. Mohon periksa pesan datanya lalu tekan \"{BotTexts.Approve}\" di sana.";
        }

        await context.ReplyAsync(reply);
    }

    /// <summary>The unit submissions of every open period the official may approve now, oldest period first.</summary>
    /// <remarks>
    /// Asked after every submission sent to a verifier: only the submissions in a step where anyone can approve are
    /// read (not every unit of the period), and only the instance, its unit and its period are needed, so the
    /// submissions' values are not read.
    /// </remarks>
    private static async Task<IReadOnlyList<HeldSubmission>> HeldAsync(ConversationContext context, ConversationServices services, string officialId)
    {
        var held = new List<HeldSubmission>();
        var approvable = services.Workflows.StatesOffering(WorkflowKind.UnitSubmission, WorkflowTrigger.Approve);
        foreach (var period in await context.Transaction.Periods.AllAsync(context.CancellationToken))
        {
            var open = await context.Transaction.Workflows.ListInStatesAsync(period.PeriodId, WorkflowKind.UnitSubmission, approvable, context.CancellationToken);
            foreach (var instance in open)
            {
                if (instance is { Kind: WorkflowKind.UnitSubmission, UnitId: { } unitId }
                    && context.Office.Units.Any(u => u.Id == unitId)
                    && (await services.Workflows.PermittedAsync(instance, officialId)).Any(b => b.Trigger == WorkflowTrigger.Approve))
                {
                    held.Add(new HeldSubmission(instance, context.Office.Unit(unitId), Period.Parse(instance.PeriodId)));
                }
            }
        }

        return held;
    }

    private sealed record HeldSubmission(WorkflowInstance Instance, Unit Unit, Period Period);
}
