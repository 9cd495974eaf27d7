using KinerjaBot.Actions;
using KinerjaBot.Reminders;
using KinerjaBot.Storage;
using Microsoft.Extensions.Logging;

namespace KinerjaBot.Conversations;

/// <summary>
/// The entry point for every incoming event: works out who is writing and what they are answering, and hands
/// the event to the right flow. All effects go into the caller's transaction; the caller commits.
/// </summary>
public sealed class ConversationRouter(
    ConversationServices services,
    RegistrationFlow registration,
    FillingFlow filling,
    VerificationFlow verification,
    CommandHandler commands,
    NudgeFlow nudges,
    BulkApprovalFlow bulkApproval,
    ReportCheckFlow reportCheck,
    PeriodClosingFlow closing,
    ActingFlow acting,
    RollupConfirmationFlow rollups,
    ILogger<ConversationRouter> logger)
{
    /// <summary>Handles one event; returns the notice for the pressed button, if any.</summary>
    public async Task<string?> HandleAsync(IncomingEvent incoming, StoreTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var binding = await transaction.Chats.FindByChatAsync(incoming.ChatId, cancellationToken);
        var official = binding is not null && binding.UserId == incoming.UserId && services.Office.Officials.Any(o => o.Id == binding.OfficialId)
            ? services.Office.Official(binding.OfficialId)
            : null;
        if (official is not null && binding!.Unreachable)
        {
            await transaction.Chats.MarkReachableAsync(incoming.ChatId, cancellationToken);
            await transaction.Outbox.RequeueUnreachableAsync(incoming.ChatId, cancellationToken);
        }

        var context = new ConversationContext
        {
            Transaction = transaction,
            Event = incoming,
            Office = services.Office,
            Official = official,
            Now = now,
            CancellationToken = cancellationToken,
            State = ChatStateJson.Read(await transaction.Conversations.GetAsync(incoming.ChatId, cancellationToken)),
        };
        var before = context.State;
        var answered = await AnsweredQuestionChoices.FindAsync(context);

        if (incoming.Contact is not null)
        {
            await registration.HandleContactAsync(context);
        }
        else if (official is null)
        {
            await registration.PromptAsync(context);
        }
        else if (incoming.AttachmentEmpty)
        {
            await context.ReplyAsync("Maaf, berkas yang Bapak/Ibu kirim kosong (0 byte), jadi belum dapat diterima sebagai bukti. Mohon kirim ulang foto atau dokumennya.");
        }
        else if (incoming.AttachmentTooLarge)
        {
            await context.ReplyAsync("Maaf, berkas itu terlalu besar (lebih dari 20 MB). Mohon kirim sebagai foto, atau kirim dokumen yang ukurannya lebih kecil.");
        }
        else if (incoming.Callback is not null)
        {
            await HandlePressAsync(context);
        }
        else if (incoming.Text is { } text && text.TrimStart().StartsWith('/'))
        {
            await commands.HandleAsync(context, text.Trim());
        }
        else
        {
            await HandleAnswerAsync(context);
        }

        await answered.RemoveUnlessStillAskedAsync(context);
        await context.FlushLeadAsync();
        if (context.State != before)
        {
            await transaction.Conversations.SaveAsync(incoming.ChatId, ChatStateJson.Write(context.State), now, cancellationToken);
        }

        return context.CallbackNotice;
    }

    private async Task HandlePressAsync(ConversationContext context)
    {
        if (RebindChoice.TryParse(context.Event.Callback!.Data, out var rebind))
        {
            await registration.HandleRebindPressAsync(context, rebind.Value.RequestId, rebind.Value.Allow);
            return;
        }

        if (ReasonChoice.TryParse(context.Event.Callback!.Data, out var reasonFor))
        {
            await verification.HandleReasonChoicePressAsync(context, reasonFor.Value.InstanceId, reasonFor.Value.TargetUnitId);
            return;
        }

        if (!CallbackAction.TryParse(context.Event.Callback!.Data, out var action))
        {
            logger.LogWarning("Unreadable button data from chat {ChatId}", context.Event.ChatId);
            context.CallbackNotice = BotTexts.UnknownButton;
            await context.RemovePressedChoicesAsync();
            return;
        }

        var pendingReturns = context.State as AwaitingReasonState;
        switch (action.Kind)
        {
            case CallbackAction.WorkflowKind:
                await verification.HandleTriggerPressAsync(context, action);
                break;
            case CallbackAction.EditKind:
                await filling.HandleEditPressAsync(context, action);
                break;
            case CallbackAction.ConfirmKind or CallbackAction.RetypeKind when context.State is AwaitingRollupState rollup:
                await rollups.HandleCorrectionConfirmationPressAsync(context, rollup, action.Kind == CallbackAction.ConfirmKind, action.Argument);
                break;
            case CallbackAction.ConfirmKind or CallbackAction.RetypeKind:
                await filling.HandleConfirmationPressAsync(context, action.Kind == CallbackAction.ConfirmKind, action.Argument);
                break;
            case CallbackAction.RollupKind:
                await rollups.HandleConfirmPressAsync(context, action.Argument);
                break;
            case CallbackAction.SkipKind:
                await filling.HandleSkipEvidencePressAsync(context, action.Argument);
                break;
            case CallbackAction.LaterKind:
                await filling.HandleLaterPressAsync(context, action.Argument);
                break;
            case CallbackAction.ApproveSeenKind:
                await bulkApproval.HandlePressAsync(context);
                break;
            case CallbackAction.EvidenceKind:
                await filling.HandleEvidencePressAsync(context, action);
                break;
            case CallbackAction.OpenPeriodKind:
                await commands.ConfirmOpenPeriodAsync(context, action.Argument);
                break;
            case CallbackAction.CancelKind:
                context.State = IdleState.Instance;
                context.CallbackNotice = "Baik, dibatalkan.";

                // The toast is gone in a second; the message keeps the record, so the question does not look open.
                await context.RemovePressedChoicesAsync("Dibatalkan; tidak ada yang diubah.");
                break;
            case CallbackAction.NudgeKind:
                await nudges.HandlePressAsync(context, action);
                break;
            case CallbackAction.ClosePeriodKind:
                await closing.HandleConfirmPressAsync(context, action.Argument);
                break;
            case CallbackAction.ActingStepKind:
                await acting.HandlePressAsync(context, action.Argument);
                break;
        }

        // Another button replaced returns that waited for their reasons (or decided their items): say so rather than drop them silently.
        if (pendingReturns?.GoneIn(context.State) is { Count: > 0 } dropped)
        {
            await context.ReplyAsync($"Catatan: pengembalian {await VerificationFlow.DescribeAsync(context, dropped)} dibatalkan karena alasannya belum diisi. Bila masih perlu, tekan \"Kembalikan\" kembali.");
        }
    }

    /// <summary>Typed text or a file: goes to the handler of the question the chat's state is waiting on.</summary>
    private Task HandleAnswerAsync(ConversationContext context) => context.State switch
    {
        AwaitingValueState question => filling.HandleValueAsync(context, question),

        // Typing another number instead of pressing a button means "ketik ulang".
        AwaitingConfirmationState question when context.Event.Text is not null => filling.HandleValueAsync(context, question),
        AwaitingConfirmationState => context.ReplyAsync("Mohon tekan salah satu tombol di atas: \"Ya, benar\" untuk menyimpan, atau \"Ketik ulang\" untuk mengganti nilainya."),
        AwaitingEvidenceState question => filling.HandleEvidenceAsync(context, question),
        AwaitingPlausibilityNoteState question => filling.HandlePlausibilityNoteAsync(context, question),
        AwaitingRollupState question => rollups.HandleCorrectionAsync(context, question),
        AwaitingReasonState returns => verification.HandleReasonAsync(context, returns),
        AwaitingReportCheckState => reportCheck.HandleAsync(context),
        ClosingReasonState question => closing.HandleReasonAsync(context, question),
        ClosingConfirmationState => context.ReplyAsync($"Mohon tekan \"{PeriodClosingFlow.ConfirmLabel}\" untuk menutup periode, atau \"{BotTexts.Cancel}\"."),
        ActingSetupState question => acting.HandleTextAsync(context, question),
        _ => context.ReplyAsync(context.Event.Attachment is not null
            ? "Terima kasih, tetapi saat ini tidak ada bukti yang diminta. Ketik /isi untuk melanjutkan pengisian."
            : "Saat ini tidak ada pertanyaan yang menunggu jawaban. Ketik /isi untuk mengisi data, /status untuk melihat kemajuan, atau /bantuan."),
    };
}
