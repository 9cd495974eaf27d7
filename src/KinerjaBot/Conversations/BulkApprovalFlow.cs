using KinerjaBot.Actions;
using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Messaging;
using KinerjaBot.Workflow;

namespace KinerjaBot.Conversations;

/// <summary>
/// A verifier holding several submissions gets one list with "Setujui semua yang sudah saya periksa" under it. A
/// submission counts as examined only when its details message, with the Setujui of its current version, reached the
/// verifier's chat before that list did (Telegram accepted it): the press approves exactly those, each through the
/// unit machine like its own Setujui, so a stale, forged or someone else's press is refused the same way.
/// </summary>
public sealed class BulkApprovalFlow(ConversationServices services, VerificationFlow verification)
{
    /// <summary>Below this many held submissions the per-unit buttons are all a verifier needs.</summary>
    public const int MinimumForList = 2;

    /// <summary>Sent after a details message to <paramref name="verifierId"/>: the list, when they hold several.</summary>
    public static async Task OfferAsync(ConversationContext context, ConversationServices services, string verifierId)
    {
        var held = await HeldAsync(context, services, verifierId);
        if (held.Count < MinimumForList)
        {
            return;
        }

        var text = new MessageText().Bold($"{held.Count} data menunggu verifikasi Bapak/Ibu:").Line();
        foreach (var (submission, index) in held.Select((s, i) => (s, i + 1)))
        {
            text.Line($"{index}. {submission.Unit.Name} — {submission.Period.DisplayName}");
        }

        text.Line().Plain($"Tekan \"{BotTexts.ApproveSeen}\" untuk menyetujui sekaligus data yang pesannya sudah Bapak/Ibu terima di atas; data yang pesannya belum sampai tidak ikut disetujui. Untuk memeriksa satu per satu, gunakan \"{BotTexts.Approve}\" atau \"{BotTexts.Return}\" pada pesan tiap unit.");
        await context.SendToAsync(verifierId, new OutgoingMessage
        {
            Text = text.Spans,
            Choices = [[new Choice(BotTexts.ApproveSeen, CallbackAction.ApproveSeen)]],

            // Only the newest list keeps its button; an older one pressed anyway still covers only what preceded it.
            SupersedeKey = $"approve-seen:{verifierId}",
        });
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
            var shownIn = await context.Transaction.Outbox.DeliveredWithChoiceAsync(
                context.Event.ChatId, CallbackAction.ForTrigger(instance, WorkflowTrigger.Approve), listRow, context.CancellationToken);
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
        await context.RemovePressedChoicesAsync(approved.Count > 0 ? $"✅ Disetujui sekaligus: {string.Join(", ", approved)}." : "Tidak ada data yang disetujui.");
        var reply = approved.Count > 0
            ? $"Disetujui sekaligus oleh {BotTexts.Address(context.Me)}: {string.Join(", ", approved)}."
            : "Tidak ada data yang disetujui: data dalam daftar ini sudah diproses.";
        if (unseen.Count > 0)
        {
            reply += $"\n\nBelum disetujui karena pesannya belum Bapak/Ibu terima sebelum daftar ini: {string.Join(", ", unseen)}. Mohon periksa pesan datanya lalu tekan \"{BotTexts.Approve}\" di sana.";
        }

        await context.ReplyAsync(reply);
    }

    /// <summary>The unit submissions of every open period the official may approve now, oldest period first.</summary>
    /// <remarks>
    /// Asked after every submission sent to a verifier, over every unit of the period: only the instance, its unit and
    /// its period are needed, so the submissions' values are not read.
    /// </remarks>
    private static async Task<IReadOnlyList<HeldSubmission>> HeldAsync(ConversationContext context, ConversationServices services, string officialId)
    {
        var held = new List<HeldSubmission>();
        foreach (var period in await context.Transaction.Periods.AllAsync(context.CancellationToken))
        {
            foreach (var instance in await context.Transaction.Workflows.ListForPeriodAsync(period.PeriodId, context.CancellationToken))
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
