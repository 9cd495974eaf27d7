using KinerjaBot.Actions;
using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Messaging;
using KinerjaBot.Periods;
using KinerjaBot.Storage;

namespace KinerjaBot.Conversations;

/// <summary>
/// The filling step for a value computed from the lower periods (a quarter from its months, a semester from its
/// quarters): the unit head sees the figure and how it was computed, and takes it with one press or types a
/// correction, which needs a reason so the verifier sees why the verified months do not add up.
/// </summary>
public sealed class RollupConfirmationFlow(FillingFlow filling, SubmissionFormatter formatter)
{
    /// <summary>Ends the question <paramref name="question"/> (its header already written) with the computed value.</summary>
    public static async Task AskAsync(ConversationContext context, MessageText question, FillingQuestion asked, Indicator indicator, RollupResult computed, SubmissionFormatter formatter)
    {
        var stamp = FillingFlow.NextStamp(context);
        context.State = new AwaitingRollupState(asked.InstanceId, indicator.Code, asked.BackToSummary, computed.Value, computed.Explanation) { AskedAt = stamp, ComputedAskedAt = stamp };
        var value = formatter.Value(indicator, computed.Value);
        question.Line("Dihitung dari data yang sudah terverifikasi:")
            .Bold(computed.Explanation).Line()
            .Line()
            .Plain($"Tekan \"{ConfirmLabel(value)}\" bila sudah sesuai. Bila perlu dikoreksi, ketik nilai yang benar dan alasannya di baris berikutnya (alasan wajib), misalnya:\n{IndonesianFormat.Number(computed.Value)}\nsesuai rekap akhir bulan.");
        await context.ReplyAsync(question, [[new Choice(ConfirmLabel(value), CallbackAction.ForRollup(stamp))]]);
    }

    /// <summary>For the opening message: the indicators already computed from verified lower periods, or null for none.</summary>
    public static async Task<string?> PrefilledLineAsync(StoreTransaction transaction, SubmissionSnapshot submission, CancellationToken cancellationToken)
    {
        var computed = new List<string>();
        foreach (var indicator in submission.Indicators)
        {
            if ((await PeriodRollup.ComputeAsync(transaction, indicator, submission.Period, submission.Unit.Id, cancellationToken))?.Result is not null)
            {
                computed.Add(indicator.Code);
            }
        }

        return computed.Count == 0 ? null
            : $"Sudah dihitung dari data yang terverifikasi, tinggal dikonfirmasi atau dikoreksi: {string.Join(", ", computed)}.";
    }

    /// <summary>Why a value could not be computed: the lower periods not verified yet, by name.</summary>
    public static string MissingLine(IReadOnlyList<Period> missing) =>
        $"Belum dapat dihitung otomatis: data {string.Join(", ", missing.Select(p => p.DisplayName))} belum terverifikasi. Mohon ketik nilainya.";

    /// <summary>"Benar: …" stamped <paramref name="stamp"/> (null: a bare one from before stamps).</summary>
    public async Task HandleConfirmPressAsync(ConversationContext context, string? stamp)
    {
        await context.RemovePressedChoicesAsync();
        if (context.State is not AwaitingRollupState question)
        {
            context.CallbackNotice = FillingFlow.StalePressNotice(stamp);
            return;
        }

        if (!question.IsComputedAnsweredBy(stamp))
        {
            // An older rollup question's "Benar" (left on WhatsApp, or on Telegram before its removal lands) must not
            // confirm the value computed for the question open now: a number the official never saw on that button.
            context.CallbackNotice = BotTexts.StaleCopy;
            return;
        }

        var (submission, indicator) = await filling.CurrentQuestionAsync(context, question);
        if (submission is not null && indicator is not null)
        {
            await filling.SaveValueAsync(context, question, submission, indicator, question.ComputedValue, question.Explanation);
        }
    }

    /// <summary>A typed value instead of the press: the same figure confirms it, another one is a correction that needs a reason.</summary>
    public async Task HandleCorrectionAsync(ConversationContext context, AwaitingRollupState question)
    {
        var (submission, indicator) = await filling.CurrentQuestionAsync(context, question);
        if (submission is null || indicator is null)
        {
            return;
        }

        var computed = formatter.Value(indicator, question.ComputedValue);
        if (context.Event.Text is not { } text)
        {
            await context.ReplyAsync($"Mohon tekan \"{ConfirmLabel(computed)}\", atau ketik nilai koreksi {indicator.Code} dengan alasannya di baris berikutnya. Bukti dapat dikirim setelah nilainya.");
            return;
        }

        var result = IndicatorValueParser.ReadAnswer(text, indicator.Kind, indicator.TargetFor(submission.Period), indicator.Measure);
        if (result.IsRefused)
        {
            await context.ReplyAsync($"Indikator {indicator.Code} (satuan {indicator.Measure}): {result.Message}");
            return;
        }

        var value = result.Value!.Value;
        if (value == question.ComputedValue)
        {
            await filling.SaveValueAsync(context, question, submission, indicator, value, result.Note ?? question.Explanation);
            return;
        }

        if (result.Note is null)
        {
            await context.ReplyAsync(
                $"Nilai {formatter.Value(indicator, value)} berbeda dari hasil perhitungan ({computed}), jadi belum disimpan. " +
                $"Koreksi perlu alasan: mohon ketik nilainya lagi dengan alasannya di baris berikutnya, misalnya:\n{IndonesianFormat.Number(value)}\nsatu kegiatan September belum tercatat.");
            return;
        }

        var note = $"{result.Note} (koreksi atas hitungan otomatis {question.Explanation})";
        if (result.NeedsConfirmation)
        {
            // Kept in this state, not the plain filling confirmation: "Ketik ulang" must come back here, where a
            // correction still needs its reason.
            var stamp = FillingFlow.NextStamp(context);
            context.State = question with { PendingValue = value, PendingNote = note, AskedAt = stamp };
            await context.ReplyAsync(
                MessageText.Of(result.Message),
                [[new Choice(BotTexts.Yes, CallbackAction.ForQuestion(CallbackAction.ConfirmKind, stamp)), new Choice(BotTexts.Retype, CallbackAction.ForQuestion(CallbackAction.RetypeKind, stamp))]]);
            return;
        }

        await filling.SaveValueAsync(context, question, submission, indicator, value, note);
    }

    /// <summary>"Ya, benar" or "Ketik ulang" on a correction that looked implausible.</summary>
    public async Task HandleCorrectionConfirmationPressAsync(ConversationContext context, AwaitingRollupState question, bool confirmed, string? stamp)
    {
        await context.RemovePressedChoicesAsync();
        if (!question.IsAnsweredBy(stamp))
        {
            // A "Ya, benar" left from an earlier correction must not confirm the one typed after it.
            context.CallbackNotice = FillingFlow.StalePressNotice(stamp);
            return;
        }

        var (submission, indicator) = await filling.CurrentQuestionAsync(context, question);
        if (submission is null || indicator is null)
        {
            return;
        }

        if (!confirmed || question.PendingValue is not { } value)
        {
            context.State = question with { PendingValue = null, PendingNote = null };
            await context.ReplyAsync($"Baik, silakan ketik ulang nilai {indicator.Code} dengan alasan koreksinya di baris berikutnya, atau tekan \"{ConfirmLabel(formatter.Value(indicator, question.ComputedValue))}\" di atas untuk memakai hasil perhitungan.");
            return;
        }

        await filling.SaveValueAsync(context, question, submission, indicator, value, question.PendingNote);
    }

    private static string ConfirmLabel(string value) => $"Benar: {value}";
}
