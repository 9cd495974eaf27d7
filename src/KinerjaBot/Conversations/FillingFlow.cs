using KinerjaBot.Actions;
using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Messaging;
using KinerjaBot.Periods;
using KinerjaBot.Storage;
using KinerjaBot.Workflow;

namespace KinerjaBot.Conversations;

/// <summary>
/// The filling conversation: one indicator per message, the value read back with its capaian, evidence when
/// required (or offered when optional), then a summary with <c>Ubah</c> per indicator and <c>Kirim</c>.
/// Every answer is saved as it comes, so /batal or a restart loses nothing.
/// </summary>
public sealed partial class FillingFlow(ConversationServices services, SubmissionFormatter formatter)
{
    /// <summary>Asks the next unanswered indicator, or shows the summary when all are answered.</summary>
    public async Task ContinueAsync(ConversationContext context, long instanceId)
    {
        var submission = await SubmissionSnapshot.LoadAsync(context, instanceId);
        if (submission is null)
        {
            return;
        }

        if (submission.FirstUnanswered() is { } next)
        {
            await AskValueAsync(context, submission, next, backToSummary: false);
        }
        else if (OwedEvidence(submission) is [var owed, ..])
        {
            // Every value is in: what stands between the official and Kirim is the evidence deferred with Nanti.
            await AskEvidenceAsync(context, submission, owed, backToSummary: true);
        }
        else
        {
            await ShowSummaryAsync(context, submission);
        }
    }

    public async Task HandleEditPressAsync(ConversationContext context, CallbackAction action)
    {
        if (await SummaryPressAsync(context, action, _ => true) is not (var submission, var indicator))
        {
            return;
        }

        // The summary shows the value being corrected: its Kirim would send that old value and leave the
        // correction typed next with nothing to land on, so its buttons go now and a fresh summary follows.
        await context.RemovePressedChoicesAsync();
        await AskValueAsync(context, submission, indicator, backToSummary: true);
    }

    /// <summary>
    /// A summary button about one indicator (Ubah, Kirim bukti): the submission and indicator when the unit head presses
    /// it while the submission is still being filled at the version shown; otherwise the press is refused and null.
    /// </summary>
    private async Task<(SubmissionSnapshot Submission, Indicator Indicator)?> SummaryPressAsync(ConversationContext context, CallbackAction action, Func<Indicator, bool> applies)
    {
        var submission = await SubmissionSnapshot.LoadAsync(context, action.InstanceId);
        var indicator = submission?.Indicators.FirstOrDefault(i => i.Code == action.Argument && applies(i));
        if (submission is null || indicator is null)
        {
            context.CallbackNotice = BotTexts.UnknownButton;
            return null;
        }

        // The unit head, or their Plt. / Plh. while one stands in.
        if (services.Workflows.RecipientFor(submission.Unit.HeadId) != context.Me.Id)
        {
            context.CallbackNotice = BotTexts.NotYourButton;
            return null;
        }

        if (submission.Instance.State != UnitSubmissionWorkflow.Filling || submission.Instance.Version != action.Version)
        {
            await VerificationFlow.RefuseStaleAsync(context, submission.Instance);
            return null;
        }

        return (submission, indicator);
    }

    /// <summary>A typed answer to a value question; typed instead of "Ya, benar" / "Ketik ulang", it is the new value.</summary>
    public async Task HandleValueAsync(ConversationContext context, FillingQuestion question)
    {
        if (question is not AwaitingValueState)
        {
            // The value waiting for "Ya, benar" (or for its reason) is replaced, so that button can no longer save it.
            question = new AwaitingValueState(question.InstanceId, question.IndicatorCode, question.BackToSummary) { AskedAt = question.AskedAt };
            context.State = question;
        }

        var (submission, indicator) = await CurrentQuestionAsync(context, question);
        if (submission is null || indicator is null)
        {
            return;
        }

        var text = context.Event.Text;
        if (text is null)
        {
            await context.ReplyAsync(context.Event.Attachment is null
                ? $"Mohon ketik nilai realisasi {indicator.Code} sebagai angka, misalnya {Example(indicator, submission.Period)}. Bukti dapat dikirim setelah nilainya."
                : $"Bukti belum dapat disimpan karena nilai realisasi {indicator.Code} belum diisi. Mohon ketik nilainya terlebih dahulu (misalnya {Example(indicator, submission.Period)}), lalu kirim kembali foto atau dokumen buktinya. Nilai juga boleh ditulis sebagai keterangan foto.");
            return;
        }

        // The value, read with the indicator's satuan, and its note: the lines below it, or what follows a clear
        // separator on the same line ("90 sesuai data DTKS"). A satuan or multiplier word is never taken as a note.
        var result = IndicatorValueParser.ReadAnswer(text, indicator.Kind, indicator.TargetFor(submission.Period), indicator.Measure);
        var note = result.Note;
        if (result.IsRefused)
        {
            await context.ReplyAsync($"Indikator {indicator.Code} (satuan {indicator.Measure}): {result.Message}");
            return;
        }

        // The parser's own over-target question is one of the plausibility concerns, asked with its reason below.
        if (await PlausibilityConcernAsync(context, submission, indicator, result.Value!.Value) is { } concern)
        {
            await AskAboutPlausibilityAsync(context, question, indicator, result.Value!.Value, note, concern);
            return;
        }

        await SaveValueAsync(context, question, submission, indicator, result.Value!.Value, note);
    }

    public async Task HandleConfirmationPressAsync(ConversationContext context, bool confirmed, string? stamp)
    {
        await context.RemovePressedChoicesAsync();
        if (context.State is not AwaitingConfirmationState question || !question.IsAnsweredBy(stamp))
        {
            context.CallbackNotice = StalePressNotice(stamp);
            return;
        }

        var (submission, indicator) = await CurrentQuestionAsync(context, question);
        if (submission is null || indicator is null)
        {
            return;
        }

        if (!confirmed)
        {
            context.State = new AwaitingValueState(question.InstanceId, question.IndicatorCode, question.BackToSummary);
            await context.ReplyAsync($"Baik, silakan ketik ulang nilai realisasi {indicator.Code}.");
            return;
        }

        await SaveValueAsync(context, question, submission, indicator, question.PendingValue, question.PendingNote);
    }

    public async Task HandleEvidenceAsync(ConversationContext context, AwaitingEvidenceState question)
    {
        var (submission, indicator) = await CurrentQuestionAsync(context, question);
        if (submission is null || indicator is null)
        {
            return;
        }

        if (context.Event.Attachment is not { } attachment)
        {
            if (MeansLater(context.Event.Text))
            {
                await HandleLaterPressAsync(context, stamp: null);
                return;
            }

            await AskEvidenceAsync(context, submission, indicator, question.BackToSummary);
            return;
        }

        var current = submission.Values[indicator.Code];
        var relative = Path.GetRelativePath(services.DataDirectory, attachment.LocalPath);
        await context.Transaction.Values.AppendAsync(
            submission.Instance.Id,
            current with { EvidencePath = relative, Revision = submission.Instance.Revision, EnteredBy = context.Me.Id, EnteredAt = context.Now },
            context.CancellationToken);
        context.Lead(MessageText.Of($"Bukti untuk {indicator.Code} sudah diterima."));
        await NextAsync(context, submission.Instance.Id, question.BackToSummary);
    }

    public async Task HandleSkipEvidencePressAsync(ConversationContext context, string? stamp)
    {
        if (await EvidenceQuestionPressAsync(context, stamp) is not (var question, var submission, var indicator))
        {
            return;
        }

        if (indicator.Evidence == EvidenceRule.Required && submission.Values[indicator.Code].EvidencePath is null)
        {
            context.CallbackNotice = "Bukti wajib untuk indikator ini.";
            await context.ReplyAsync($"Bukti untuk {indicator.Code} wajib. Mohon kirim foto atau dokumennya.");
            return;
        }

        await NextAsync(context, submission.Instance.Id, question.BackToSummary);
    }

    /// <summary>
    /// A press on the open evidence question's Lewati or Nanti (or its typed words, <paramref name="stamp"/> null): the
    /// question, submission and indicator, or null when the press is stale (its buttons go either way).
    /// </summary>
    private async Task<(AwaitingEvidenceState Question, SubmissionSnapshot Submission, Indicator Indicator)?> EvidenceQuestionPressAsync(ConversationContext context, string? stamp)
    {
        await context.RemovePressedChoicesAsync();
        if (context.State is not AwaitingEvidenceState question || !question.IsAnsweredBy(stamp))
        {
            context.CallbackNotice = StalePressNotice(stamp);
            return null;
        }

        var (submission, indicator) = await CurrentQuestionAsync(context, question);
        if (submission is null || indicator is null)
        {
            context.CallbackNotice = BotTexts.AlreadyProcessed;
            return null;
        }

        return (question, submission, indicator);
    }

    /// <summary>The summary with Ubah per indicator and Kirim; also what a returned submission shows after Perbaiki.</summary>
    public async Task ShowSummaryAsync(ConversationContext context, SubmissionSnapshot submission)
    {
        context.State = IdleState.Instance;
        var text = new MessageText()
            .Bold($"Ringkasan data {submission.Unit.Name}").Line($" — {submission.Period.DisplayName}" + (submission.Instance.Revision > 1 ? $" (Revisi ke-{submission.Instance.Revision})" : string.Empty))
            .Line();
        formatter.AppendValues(text, submission, lastPeriod: await submission.LastPeriodValuesAsync(context));
        var owedEvidence = AppendOwedEvidence(text, submission);
        var verifier = context.Office.Official(submission.Unit.VerifierIds[0]);
        text.Line().Plain($"Mohon periksa kembali. Untuk mengganti nilai, tekan tombol \"{BotTexts.Change}\" pada indikator yang bersangkutan. Bila data sudah benar, tekan \"{BotTexts.Send}\"; data akan diteruskan kepada {verifier.Name} untuk diverifikasi.");
        var edits = submission.Indicators
            .Select(i => new Choice($"{BotTexts.Change} {i.Code}", CallbackAction.ForEdit(submission.Instance, i.Code)))
            .Chunk(3)
            .Select(row => (IReadOnlyList<Choice>)row)
            .ToList();
        edits.InsertRange(0, owedEvidence);
        edits.AddRange(await WorkflowChoices.ForAsync(services.Workflows, submission.Instance, context.Me.Id));
        await context.ReplyAsync(text, edits);
    }

    private async Task AskValueAsync(ConversationContext context, SubmissionSnapshot submission, Indicator indicator, bool backToSummary)
    {
        context.State = new AwaitingValueState(submission.Instance.Id, indicator.Code, backToSummary);
        var position = submission.Indicators.ToList().IndexOf(indicator) + 1;
        var target = indicator.TargetFor(submission.Period);
        var text = new MessageText()
            .Line($"Indikator {position} dari {submission.Indicators.Count} · {submission.Unit.Name}")
            .Bold(indicator.Code).Line($" {indicator.Name}")
            .Line($"Satuan: {indicator.Measure} · {(indicator.Polarity == Polarity.Higher ? "semakin besar semakin baik" : "semakin kecil semakin baik")}")
            .Line($"Target {submission.Period.DisplayName}: {(target is { } t ? formatter.Value(indicator, t) : "–")}");
        var previous = (await submission.LastPeriodValuesAsync(context)).GetValueOrDefault(indicator.Code);
        if (previous is not null)
        {
            text.Line($"Realisasi {submission.Period.Previous().DisplayName}: {formatter.Value(indicator, previous.Value)}");
        }

        if (submission.Values.TryGetValue(indicator.Code, out var current))
        {
            text.Line($"Nilai tersimpan saat ini: {formatter.Value(indicator, current.Value)}");
        }

        // A quarter, semester or year whose lower periods are verified is computed, and only confirmed or corrected here.
        var rollup = await PeriodRollup.ComputeAsync(context.Transaction, indicator, submission.Period, submission.Unit.Id, context.CancellationToken);
        if (rollup?.Result is { } computed)
        {
            await RollupConfirmationFlow.AskAsync(context, text, (FillingQuestion)context.State, indicator, computed, formatter);
            return;
        }

        if (rollup is { Missing.Count: > 0 })
        {
            text.Line(RollupConfirmationFlow.MissingLine(rollup.Missing));
        }

        var evidence = indicator.Evidence switch
        {
            EvidenceRule.Required => "Bukti: wajib (foto atau dokumen), dikirim setelah nilai diisi.",
            EvidenceRule.Optional => "Bukti: tidak wajib; bila ada, dikirim setelah nilai diisi.",
            _ => null,
        };
        if (evidence is not null)
        {
            text.Line(evidence);
        }

        text.Line().Plain($"Ketik nilai realisasinya, misalnya {Example(indicator, submission.Period)}. Bila perlu, keterangan dapat ditulis di baris berikutnya (tidak wajib).");
        await context.ReplyAsync(text);
    }

    internal async Task SaveValueAsync(ConversationContext context, FillingQuestion question, SubmissionSnapshot submission, Indicator indicator, decimal value, string? note)
    {
        submission.Values.TryGetValue(indicator.Code, out var earlier);

        // A photo sent with the number as its caption is the number and its evidence in one go.
        var attached = context.Event.Attachment is { } attachment && indicator.Evidence != EvidenceRule.None
            ? Path.GetRelativePath(services.DataDirectory, attachment.LocalPath)
            : null;
        var stored = new StoredValue(indicator.Code, submission.Instance.Revision, value, note, attached ?? earlier?.EvidencePath, context.Me.Id, context.Now);
        await context.Transaction.Values.AppendAsync(submission.Instance.Id, stored, context.CancellationToken);
        var readBack = new MessageText().Plain("Tercatat: ").Bold($"{indicator.Code} = {formatter.Value(indicator, value)}").Plain($" · {formatter.Achievement(indicator, value, submission.Period)}");
        if (note is not null)
        {
            readBack.Plain($"\nKeterangan: {note}");
        }

        if (attached is not null)
        {
            readBack.Plain($"\nBukti untuk {indicator.Code} sudah diterima.");
        }

        context.Lead(readBack);

        // The submission as the store now has it, without reading it again: only this value changed.
        var saved = submission with { Values = new Dictionary<string, StoredValue>(submission.Values, StringComparer.Ordinal) { [indicator.Code] = stored } };
        if (indicator.Evidence != EvidenceRule.None && attached is null)
        {
            await AskEvidenceAsync(context, saved, indicator, question.BackToSummary);
            return;
        }

        await NextAsync(context, saved, question.BackToSummary);
    }

    private async Task NextAsync(ConversationContext context, long instanceId, bool backToSummary)
    {
        if (await SubmissionSnapshot.LoadAsync(context, instanceId) is { } submission)
        {
            await NextAsync(context, submission, backToSummary);
        }
        else
        {
            context.State = IdleState.Instance;
        }
    }

    private async Task NextAsync(ConversationContext context, SubmissionSnapshot submission, bool backToSummary)
    {
        context.State = IdleState.Instance;
        if (!backToSummary && submission.FirstUnanswered() is { } next)
        {
            await AskValueAsync(context, submission, next, backToSummary: false);
            return;
        }

        await ShowSummaryAsync(context, submission);
    }

    /// <summary>The submission and indicator the pending question is about, if it is still open for filling.</summary>
    internal async Task<(SubmissionSnapshot? Submission, Indicator? Indicator)> CurrentQuestionAsync(ConversationContext context, FillingQuestion question)
    {
        var submission = await SubmissionSnapshot.LoadAsync(context, question.InstanceId);
        var indicator = submission?.Indicators.FirstOrDefault(i => i.Code == question.IndicatorCode);
        if (submission is null || indicator is null || submission.Instance.State != UnitSubmissionWorkflow.Filling || submission.Instance.UnitId is null || services.Workflows.RecipientFor(submission.Unit.HeadId) != context.Me.Id)
        {
            context.State = IdleState.Instance;
            await context.ReplyAsync("Pertanyaan ini sudah tidak berlaku karena datanya sudah dikirim atau diproses. Ketik /status untuk melihat kemajuan.");
            return (null, null);
        }

        return (submission, indicator);
    }

    /// <summary>
    /// The stamp for a question about to be asked with buttons: its time, and always later than the question it
    /// replaces, so an earlier question's button never matches (even when a test clock stands still).
    /// </summary>
    internal static long NextStamp(ConversationContext context) =>
        Math.Max(context.Now.UtcTicks, ((context.State as FillingQuestion)?.AskedAt ?? 0) + 1);

    /// <summary>A stamped button of a question no longer open is stale (a newer one replaced it); an unstamped one is from before stamps.</summary>
    internal static string StalePressNotice(string? stamp) => stamp is null ? BotTexts.AlreadyProcessed : BotTexts.StaleCopy;

    private static string Example(Indicator indicator, Period period) => AnswerExample.For(indicator.Kind, indicator.TargetFor(period));
}
