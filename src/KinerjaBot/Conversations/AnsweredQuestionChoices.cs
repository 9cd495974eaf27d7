using KinerjaBot.Actions;
using KinerjaBot.Domain;
using KinerjaBot.Messaging;

namespace KinerjaBot.Conversations;

/// <summary>
/// A filling question's buttons (Lewati, Nanti, Ya, benar / Ketik ulang, the rollup's "Benar: …") go once the question is
/// answered some other way (a typed value, a photo, "nanti", /batal): the chat then shows no button that would only be
/// refused as stale (issue 15, decisions/0022). A plain removal, one edit per answered question: the answer's read-back
/// already leads the next question, which is where the official reads on. On WhatsApp, which cannot remove buttons,
/// the question stamp still refuses a late press.
/// </summary>
public sealed class AnsweredQuestionChoices
{
    private static readonly AnsweredQuestionChoices None = new(null, []);

    private readonly FillingQuestion? _asked;

    // The question's messages with its buttons, found before the event is handled: a rollup question stored before
    // "Benar: …" carried its stamp shows the bare "r", and the next indicator's own "Benar: …", queued while handling,
    // must not be taken for it. A stamped "Benar" is exact, like the other buttons.
    private readonly IReadOnlyList<(string Action, long RowId, long? MessageId)> _shown;

    private AnsweredQuestionChoices(FillingQuestion? asked, IReadOnlyList<(string Action, long RowId, long? MessageId)> shown)
    {
        _asked = asked;
        _shown = shown;
    }

    /// <summary>Before the event is handled: the messages that show the buttons of the question the chat is on.</summary>
    public static async Task<AnsweredQuestionChoices> FindAsync(ConversationContext context)
    {
        if (context.State is not FillingQuestion asked || ChatAddress.ChannelOf(context.Event.ChatId) != ChatChannel.Telegram || ActionsOf(asked) is not { Count: > 0 } actions)
        {
            return None;
        }

        var shown = new List<(string, long, long?)>();
        foreach (var action in actions)
        {
            if (await context.Transaction.Outbox.LatestWithChoiceAsync(context.Event.ChatId, action, context.CancellationToken) is { } row)
            {
                shown.Add((action, row.RowId, row.SentMessageId));
            }
        }

        return new AnsweredQuestionChoices(asked, shown);
    }

    /// <summary>After it: removes those buttons the chat's state no longer accepts, except on the message just pressed.</summary>
    public async Task RemoveUnlessStillAskedAsync(ConversationContext context)
    {
        if (_asked is null || context.State == _asked)
        {
            return;
        }

        var stillAccepted = context.State is FillingQuestion now && now.InstanceId == _asked.InstanceId && now.IndicatorCode == _asked.IndicatorCode
            ? ActionsOf(now)
            : [];
        var outbox = context.Transaction.Outbox;
        foreach (var row in _shown.Where(s => !stillAccepted.Contains(s.Action)).DistinctBy(s => s.RowId))
        {
            if (row.MessageId is not { } messageId)
            {
                // Still on its way (queued, or sent and not yet recorded): removed once it is out.
                await outbox.EnqueueRemoveChoicesOfRowAsync(context.Event.ChatId, row.RowId, context.Now, context.CancellationToken);
            }
            else if (messageId != context.Event.Callback?.MessageId && await outbox.HasChoicesAsync(context.Event.ChatId, messageId, long.MaxValue, context.CancellationToken))
            {
                await context.RemoveChoicesAsync(messageId);
            }
        }
    }

    /// <summary>The button actions a question shows and accepts (an unstamped question, stored before stamps, none).</summary>
    private static IReadOnlyList<string> ActionsOf(FillingQuestion question) => question switch
    {
        AwaitingEvidenceState when question.AskedAt > 0 => [Stamped(CallbackAction.SkipKind, question), Stamped(CallbackAction.LaterKind, question)],
        AwaitingConfirmationState when question.AskedAt > 0 => Confirmation(question),
        AwaitingRollupState { PendingValue: not null } rollup when question.AskedAt > 0 => [CallbackAction.ForRollup(rollup.ComputedAskedAt), .. Confirmation(question)],
        AwaitingRollupState rollup => [CallbackAction.ForRollup(rollup.ComputedAskedAt)],
        _ => [],
    };

    private static string[] Confirmation(FillingQuestion question) =>
        [Stamped(CallbackAction.ConfirmKind, question), Stamped(CallbackAction.RetypeKind, question)];

    private static string Stamped(char kind, FillingQuestion question) => CallbackAction.ForQuestion(kind, question.AskedAt);
}
