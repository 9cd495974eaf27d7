using KinerjaBot.Actions;
using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Messaging;

namespace KinerjaBot.Conversations;

/// <summary>
/// A value far above or below its target, or far from last period's (<see cref="Plausibility"/>), is asked back and
/// needs a short reason (<see cref="ReasonRule"/>), kept as the value's keterangan; the verifier sees a ⚠️ flag with the
/// concern beside it. Nothing is stored until the official has given the reason.
/// </summary>
public sealed partial class FillingFlow
{
    private async Task<string?> PlausibilityConcernAsync(ConversationContext context, SubmissionSnapshot submission, Indicator indicator, decimal value)
    {
        var lastPeriod = (await submission.LastPeriodValuesAsync(context)).GetValueOrDefault(indicator.Code)?.Value;
        return Plausibility.Concern(value, indicator.TargetFor(submission.Period), lastPeriod, v => formatter.Value(indicator, v));
    }

    /// <summary>A reason already typed with the value gets "Ya, benar"; otherwise the reason is asked for.</summary>
    private async Task AskAboutPlausibilityAsync(ConversationContext context, FillingQuestion question, Indicator indicator, decimal value, string? note, string concern)
    {
        var asked = $"Apakah benar nilai {indicator.Code} {formatter.Value(indicator, value)}? Angka ini {concern}.";
        if (note is not null && !ReasonRule.IsTooShort(note))
        {
            var stamp = NextStamp(context);
            context.State = new AwaitingConfirmationState(question.InstanceId, question.IndicatorCode, question.BackToSummary, value, note) { AskedAt = stamp };
            await context.ReplyAsync(
                MessageText.Of($"{asked}\nKeterangan: {note}\n\nKeterangan ini ditampilkan kepada verifikator."),
                [[new Choice(BotTexts.Yes, CallbackAction.ForQuestion(CallbackAction.ConfirmKind, stamp)), new Choice(BotTexts.Retype, CallbackAction.ForQuestion(CallbackAction.RetypeKind, stamp))]]);
            return;
        }

        context.State = new AwaitingPlausibilityNoteState(question.InstanceId, question.IndicatorCode, question.BackToSummary, value);
        await context.ReplyAsync($"{asked}\n\nBila benar, mohon ketik alasannya secara singkat ({ReasonRule.Minimum}), misalnya \"ada kegiatan tambahan dari kabupaten\"; alasan ini disimpan sebagai keterangan dan ditampilkan kepada verifikator. Bila salah, ketik saja angka yang benar.");
    }

    /// <summary>Typed while a value waits for its reason: another number replaces the value, words are the reason.</summary>
    public async Task HandlePlausibilityNoteAsync(ConversationContext context, AwaitingPlausibilityNoteState question)
    {
        var (submission, indicator) = await CurrentQuestionAsync(context, question);
        if (submission is null || indicator is null)
        {
            return;
        }

        var text = context.Event.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            await context.ReplyAsync($"Mohon ketik alasan nilai {indicator.Code} ({ReasonRule.Minimum}), atau ketik angka yang benar.");
            return;
        }

        if (!IndicatorValueParser.ReadAnswer(text, indicator.Kind, indicator.TargetFor(submission.Period), indicator.Measure).IsRefused)
        {
            await HandleValueAsync(context, question);
            return;
        }

        if (ReasonRule.IsTooShort(text) || text.Length > IndicatorValueParser.MaxNoteLength)
        {
            await context.ReplyAsync(text.Length > IndicatorValueParser.MaxNoteLength
                ? $"Alasan terlalu panjang (lebih dari {IndicatorValueParser.MaxNoteLength} huruf). Mohon ketik yang lebih singkat."
                : $"Alasan terlalu singkat. Mohon tulis {ReasonRule.Minimum} tentang sebab nilai {indicator.Code} {formatter.Value(indicator, question.PendingValue)}, atau ketik angka yang benar.");
            return;
        }

        await SaveValueAsync(context, question, submission, indicator, question.PendingValue, text);
    }
}
