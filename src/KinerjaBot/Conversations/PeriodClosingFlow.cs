using KinerjaBot.Actions;
using KinerjaBot.Domain;
using KinerjaBot.Messaging;
using KinerjaBot.Periods;
using KinerjaBot.Workflow;

namespace KinerjaBot.Conversations;

/// <summary>
/// /tutup &lt;period&gt; for operators: a period opened by mistake is closed after a required reason and a "Ya, tutup",
/// only while no unit has been verified; whoever held a unit's step is told, and the buttons they hold go stale.
/// /buka opens a closed period again (<see cref="ReopenAsync"/>).
/// </summary>
public sealed class PeriodClosingFlow(PeriodClosing closing, VerificationFlow verification)
{
    public const string ConfirmLabel = "Ya, tutup";

    /// <summary>/tutup: checks who asks and whether the period may be closed, then asks for the reason.</summary>
    public async Task StartAsync(ConversationContext context, string? argument)
    {
        if (!context.Office.IsOperator(context.Me.Id))
        {
            await context.ReplyAsync("Maaf, perintah /tutup hanya untuk operator.");
            return;
        }

        if (!Period.TryParse(argument, out var period))
        {
            await context.ReplyAsync((argument is null ? "Mohon tulis periodenya setelah /tutup" : $"Periode \"{argument}\" tidak dikenali. Mohon tulis lengkap dengan tahunnya") + ", misalnya /tutup 2026-TW3.");
            return;
        }

        if (await RefusalAsync(context, period) is { } refusal)
        {
            await context.ReplyAsync(refusal);
            return;
        }

        context.State = new ClosingReasonState(period.Id);
        await context.ReplyAsync(
            $"Mohon ketik alasan penutupan {period.DisplayName} (paling sedikit {ReasonRule.MinWords} kata), misalnya \"salah ketik periode, seharusnya triwulan IV\". "
            + "Alasan ini disampaikan kepada kepala unit dan disimpan dalam catatan. Ketik /batal bila tidak jadi menutup.");
    }

    /// <summary>The typed reason: checked like a return's, then the confirmation with Ya, tutup / Batal.</summary>
    public async Task HandleReasonAsync(ConversationContext context, ClosingReasonState state)
    {
        var reason = context.Event.Text?.Trim() ?? string.Empty;
        if (ReasonRule.Problem(reason, "penutupan", "mengapa periode ini ditutup") is { } problem)
        {
            await context.ReplyAsync(problem);
            return;
        }

        var period = Period.Parse(state.PeriodId);
        context.State = new ClosingConfirmationState(period.Id, reason);
        await context.ReplyAsync(
            new MessageText()
                .Bold($"Tutup pengumpulan data {period.DisplayName}?").Line()
                .Plain("Alasan: ").Line(reason)
                .Line()
                .Plain($"Semua kepala unit akan diberi tahu, dan tombol pada pesan mereka untuk periode ini tidak berlaku lagi. Jawaban yang sudah diisi tetap tersimpan. Periode dapat dibuka kembali dengan /buka {period.Id}."),
            [[new Choice(ConfirmLabel, CallbackAction.ForClosing(period.Id)), new Choice(BotTexts.Cancel, CallbackAction.Cancel)]]);
    }

    /// <summary>"Ya, tutup": closes the period if it still may be closed.</summary>
    public async Task HandleConfirmPressAsync(ConversationContext context, string? periodId)
    {
        if (context.State is not ClosingConfirmationState state || state.PeriodId != periodId || !context.Office.IsOperator(context.Me.Id))
        {
            context.CallbackNotice = BotTexts.AlreadyProcessed;
            await context.RemovePressedChoicesAsync();
            return;
        }

        context.State = IdleState.Instance;
        var period = Period.Parse(state.PeriodId);
        if (await RefusalAsync(context, period) is { } refusal)
        {
            await context.RemovePressedChoicesAsync("Tidak jadi ditutup.");
            await context.ReplyAsync(refusal);
            return;
        }

        await context.RemovePressedChoicesAsync("✅ Ditutup.");
        var closed = await closing.CloseAsync(context.Transaction, period, context.Me.Id, state.Reason, context.Now, verification.EffectsFor(context), context.CancellationToken);
        context.CallbackNotice = "Periode ditutup.";
        await context.ReplyAsync($"{period.DisplayName} ditutup ({closed} unit). Kepala unit sudah diberi tahu. Ketik /buka {period.Id} bila periode ini perlu dibuka kembali.");
    }

    /// <summary>/buka on a closed period: opens it again (null when it is not closed).</summary>
    public Task<PeriodOpeningResult?> ReopenAsync(ConversationContext context, Period period) =>
        closing.ReopenAsync(context.Transaction, period, context.Me.Id, context.Now, verification.EffectsFor(context), context.CancellationToken);

    /// <summary>The effect of Close on one unit: its head, and the verifier who held it if another, are told why.</summary>
    internal static async Task TellClosedAsync(ConversationContext context, ConversationServices services, FiredTransition fired)
    {
        var unit = context.Office.Unit(fired.After.UnitId!);
        var period = Period.Parse(fired.After.PeriodId);
        var text = new MessageText()
            .Bold($"Pengumpulan data {period.DisplayName} ditutup").Line($" oleh {BotTexts.EndSentence(context.Me.Name)}")
            .Plain("Alasan: ").Line(fired.Audit.Reason ?? "–")
            .Line()
            .Plain($"Tombol pada pesan sebelumnya untuk data {unit.Name} tidak berlaku lagi; jawaban yang sudah diisi tetap tersimpan. Bila periode ini dibuka kembali, Bapak/Ibu akan menerima pesan baru.");
        var told = new HashSet<string>(StringComparer.Ordinal) { services.Workflows.RecipientFor(unit.HeadId) };
        if (await services.Workflows.HolderAsync(fired.Before) is { } holder)
        {
            told.Add(holder);
        }

        foreach (var officialId in told)
        {
            await context.SendToAsync(officialId, text);
        }
    }

    private async Task<string?> RefusalAsync(ConversationContext context, Period period)
    {
        var (status, verifiedUnit) = await closing.CheckAsync(context.Transaction, period, context.CancellationToken);
        return status switch
        {
            PeriodClosingStatus.NotOpen => $"{period.DisplayName} belum pernah dibuka, jadi tidak ada yang perlu ditutup. Ketik /status untuk melihat periode yang berjalan.",
            PeriodClosingStatus.AlreadyClosed => $"{period.DisplayName} sudah ditutup sebelumnya. Ketik /buka {period.Id} bila perlu dibuka kembali.",
            PeriodClosingStatus.Verified =>
                $"Maaf, {period.DisplayName} tidak dapat ditutup karena data {verifiedUnit?.Name ?? "salah satu unit"} sudah diverifikasi. "
                + "Penutupan hanya untuk periode yang dibuka karena keliru, sebelum ada data yang diverifikasi. Bila ada data yang perlu diperbaiki, gunakan tombol Kembalikan pada laporan.",
            _ => null,
        };
    }
}
