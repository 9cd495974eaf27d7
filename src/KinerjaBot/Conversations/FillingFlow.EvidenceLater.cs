using KinerjaBot.Actions;
using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Messaging;
using KinerjaBot.Workflow;

namespace KinerjaBot.Conversations;

/// <summary>
/// Required evidence sent later: "Nanti" (or "nanti", "menyusul" typed) moves on to the next indicator; what is still
/// owed is derived from the stored values (an answered indicator without its evidence), never stored apart, so a
/// restart or another phone sees the same list. The summary lists it with a "Kirim bukti" button each, and Kirim
/// waits until none is owed.
/// </summary>
public sealed partial class FillingFlow
{
    /// <summary>Words an official types when the photo is not at hand ("fotonya menyusul", "nanti saja").</summary>
    private static readonly string[] LaterWords = ["nanti", "menyusul", "susulan", "belakangan", "belum ada", "belum punya"];

    /// <summary>Whether a typed text at an evidence question means "I will send it later".</summary>
    public static bool MeansLater(string? text) =>
        text is not null && LaterWords.Any(word => text.Contains(word, StringComparison.OrdinalIgnoreCase));

    /// <summary>The Nanti press (or its typed words) at an evidence question: the next indicator, the evidence stays owed.</summary>
    /// <param name="stamp">The pressed button's question stamp; null when typed.</param>
    public async Task HandleLaterPressAsync(ConversationContext context, string? stamp)
    {
        if (await EvidenceQuestionPressAsync(context, stamp) is not (var question, var submission, var indicator))
        {
            return;
        }

        if (indicator.Evidence == EvidenceRule.Required && submission.Values[indicator.Code].EvidencePath is null)
        {
            context.Lead(MessageText.Of($"Baik, bukti {indicator.Code} dapat dikirim nanti. Data baru dapat dikirim ke verifikator setelah buktinya ada; ringkasan di akhir mencantumkannya."));
        }

        await NextAsync(context, submission.Instance.Id, question.BackToSummary);
    }

    /// <summary>"Kirim bukti IK-1.1" on the summary (or on a refused Kirim): asks for that indicator's evidence again.</summary>
    public async Task HandleEvidencePressAsync(ConversationContext context, CallbackAction action)
    {
        if (await SummaryPressAsync(context, action, i => i.Evidence != EvidenceRule.None) is not (var submission, var indicator)
            || !submission.Values.ContainsKey(indicator.Code))
        {
            context.CallbackNotice ??= BotTexts.UnknownButton;
            return;
        }

        // Like Ubah: the summary's Kirim goes, and a fresh summary follows the evidence.
        await context.RemovePressedChoicesAsync();
        await AskEvidenceAsync(context, submission, indicator, backToSummary: true);
    }

    /// <summary>
    /// Asks for one indicator's evidence: wajib with the attach hint and Nanti, or offered with Lewati (keeping an
    /// earlier file when there is one).
    /// </summary>
    private async Task AskEvidenceAsync(ConversationContext context, SubmissionSnapshot submission, Indicator indicator, bool backToSummary)
    {
        var stamp = NextStamp(context);
        context.State = new AwaitingEvidenceState(submission.Instance.Id, indicator.Code, backToSummary) { AskedAt = stamp };
        var hasEvidence = submission.Values.GetValueOrDefault(indicator.Code)?.EvidencePath is not null;
        var owed = indicator.Evidence == EvidenceRule.Required && !hasEvidence;
        var ask = owed
            ? $"Mohon kirim foto atau dokumen bukti untuk {indicator.Code} (wajib).\n{BotTexts.AttachHint}\nBila buktinya belum ada, tekan \"{BotTexts.Later}\" untuk melanjutkan; bukti dapat dikirim sebelum data dikirim."
            : hasEvidence
                ? $"Bukti {indicator.Code} sudah ada. Kirim foto atau dokumen baru bila ingin menggantinya, atau tekan \"{BotTexts.Skip}\" untuk tetap memakai bukti yang lama.\n{BotTexts.AttachHint}"
                : $"Bila ada, kirim foto atau dokumen bukti untuk {indicator.Code}, atau tekan \"{BotTexts.Skip}\".\n{BotTexts.AttachHint}";
        var button = owed
            ? new Choice(BotTexts.Later, CallbackAction.ForQuestion(CallbackAction.LaterKind, stamp))
            : new Choice(BotTexts.Skip, CallbackAction.ForQuestion(CallbackAction.SkipKind, stamp));
        await context.ReplyAsync(MessageText.Of(ask), [[button]]);
    }

    /// <summary>Under the summary: which required evidence is still owed, and a "Kirim bukti" button for each.</summary>
    private static IReadOnlyList<IReadOnlyList<Choice>> AppendOwedEvidence(MessageText text, SubmissionSnapshot submission)
    {
        var owed = OwedEvidence(submission);
        if (owed.Count == 0)
        {
            return [];
        }

        text.Line().Bold("Bukti wajib yang masih ditunggu: ").Line(string.Join(", ", owed.Select(i => i.Code)))
            .Line($"Data baru dapat dikirim setelah buktinya ada. Tekan \"{BotTexts.SendEvidence} …\" lalu lampirkan foto atau dokumennya (📎).");
        return EvidenceChoices(submission, owed);
    }

    /// <summary>Answered indicators whose required evidence has not come yet.</summary>
    public static IReadOnlyList<Indicator> OwedEvidence(SubmissionSnapshot submission) =>
        submission.MissingEvidence().Where(i => submission.Values.ContainsKey(i.Code)).ToList();

    public static IReadOnlyList<IReadOnlyList<Choice>> EvidenceChoices(SubmissionSnapshot submission, IEnumerable<Indicator> owed) =>
        owed.Select(i => new Choice($"{BotTexts.SendEvidence} {i.Code}", CallbackAction.ForEvidence(submission.Instance, i.Code)))
            .Chunk(2)
            .Select(row => (IReadOnlyList<Choice>)row)
            .ToList();
}
