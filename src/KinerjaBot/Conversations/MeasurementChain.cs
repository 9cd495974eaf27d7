using KinerjaBot.Actions;
using KinerjaBot.Domain;
using KinerjaBot.Messaging;
using KinerjaBot.Reports;
using KinerjaBot.Workflow;

namespace KinerjaBot.Conversations;

/// <summary>
/// The measurement report (SOP Pengukuran Kinerja) in the chat: the planning official prepares it from the year's
/// verified data and sends it, the secretary checks it and approves or returns it with a reason, and the approved
/// report goes to the head and the archive. Buttons come from <see cref="MeasurementWorkflow"/>.
/// </summary>
public sealed class MeasurementChain(ConversationServices services, MeasurementArchive archive) : IMeasurementChain
{
    public async Task StartAsync(ConversationContext context, string? argument)
    {
        var office = context.Office;
        if (!office.IsOperator(context.Me.Id) && office.Roles.PlanningId != context.Me.Id)
        {
            await context.ReplyAsync("Maaf, perintah /ukur hanya untuk operator dan Kasubbag Perencanaan.");
            return;
        }

        if (!Period.TryParse(argument, out var year) || year.Kind is not (PeriodKind.Year or PeriodKind.Semester))
        {
            await context.ReplyAsync("Mohon tulis tahun atau semesternya setelah /ukur, misalnya /ukur 2026 atau /ukur 2026-S1.");
            return;
        }

        if (await context.Transaction.Periods.GetAsync(year.Id, context.CancellationToken) is null)
        {
            await context.ReplyAsync($"Periode {year.DisplayName} belum dibuka, jadi belum ada datanya untuk diukur. Buka dahulu dengan /buka {year.Id}.");
            return;
        }

        var measurement = await context.Transaction.Workflows.FindAsync(WorkflowKind.Measurement, year.Id, null, context.CancellationToken)
            ?? await context.Transaction.Workflows.CreateAsync(WorkflowKind.Measurement, year.Id, null, MeasurementWorkflow.Preparing, context.Now, context.CancellationToken);
        if (measurement.State == MeasurementWorkflow.Reported)
        {
            await SendDocumentAsync(context, context.Me.Id, $"Laporan Hasil Pengukuran Kinerja {year.DisplayName} sudah disampaikan kepada kepala kantor.", archive.FinalPath(measurement));
            return;
        }

        if (office.Roles.PlanningId != context.Me.Id)
        {
            await context.ReplyAsync($"Draf Laporan Hasil Pengukuran Kinerja {year.DisplayName} dikirim kepada {BotTexts.EndSentence(office.Official(office.Roles.PlanningId).Name)}");
        }

        await SendToPreparerAsync(context, measurement, note: null);
    }

    public async Task HandlePressAsync(ConversationContext context, WorkflowInstance measurement, CallbackAction action, IWorkflowEffects effects)
    {
        var trigger = action.Trigger!.Value;
        if (await services.Workflows.PressRefusalAsync(measurement, trigger, context.Me.Id, action.Version) is { } refusal)
        {
            await VerificationFlow.RefuseAsync(context, services, measurement, refusal);
            return;
        }

        if (services.Workflows.ButtonFor(measurement, trigger)!.RequiresReason)
        {
            await VerificationFlow.AskReasonAsync(
                context,
                new PendingReturn(measurement.Id, measurement.Version, trigger, TargetUnitId: null, context.Event.Callback?.MessageId, EarlierMessageId: null),
                $"Mohon ketik alasan pengembalian laporan pengukuran kinerja, agar {context.Office.Official(context.Office.Roles.PlanningId).Name} mengetahui bagian yang perlu diperbaiki (wajib). Ketik /batal untuk membatalkan.");
            return;
        }

        var outcome = await services.Workflows.FireAsync(context.Transaction, measurement.Id, trigger, new TransitionRequest(context.Me.Id), action.Version, effects, context.CancellationToken);
        if (!outcome.Succeeded)
        {
            await VerificationFlow.RefuseStaleAsync(context, measurement);
        }
    }

    public async Task OnSubmittedAsync(ConversationContext context, FiredTransition fired)
    {
        var office = context.Office;
        var secretary = office.Official(office.Roles.SecretaryId);
        await context.ReplyAsync($"Terima kasih. Laporan pengukuran kinerja dikirim kepada {secretary.Name} untuk diperiksa.");
        var draft = await archive.RenderDraftAsync(context.Transaction, fired.After, context.Now, context.CancellationToken);
        var text = new MessageText()
            .BoldLine($"Laporan Hasil Pengukuran Kinerja {PeriodOf(fired.After).DisplayName}")
            .Line($"Disiapkan oleh {context.Me.Name}. Capaian per sasaran, predikat dan grafiknya ada pada draf terlampir.")
            .Plain($"Mohon diperiksa. Tekan \"{BotTexts.Approve}\" bila sudah benar (laporan diteruskan kepada kepala kantor), atau \"{BotTexts.Return}\" untuk mengembalikan dengan alasan.");
        await context.SendToAsync(secretary.Id, new OutgoingMessage
        {
            Text = text.Spans,
            DocumentPath = draft,
            DocumentName = Path.GetFileName(draft),
            Choices = await WorkflowChoices.ForAsync(services.Workflows, fired.After, secretary.Id),
        });
    }

    public async Task OnReturnedAsync(ConversationContext context, FiredTransition fired)
    {
        var planning = context.Office.Official(context.Office.Roles.PlanningId);
        await context.ReplyAsync($"Laporan pengukuran kinerja dikembalikan kepada {BotTexts.EndSentence(planning.Name)}");
        await SendToPreparerAsync(context, fired.After, $"Dikembalikan oleh {context.Me.Name}. Alasan: {fired.Request.Reason}");
    }

    public async Task OnReportedAsync(ConversationContext context, FiredTransition fired)
    {
        var office = context.Office;
        var final = await archive.ArchiveFinalAsync(context.Transaction, fired.After, context.Now, context.CancellationToken);
        var year = PeriodOf(fired.After);
        await context.ReplyAsync($"Terima kasih. Laporan Hasil Pengukuran Kinerja {year.DisplayName} diteruskan kepada kepala kantor dan diarsipkan.");
        await SendDocumentAsync(context, office.Roles.HeadId, $"Laporan Hasil Pengukuran Kinerja {office.Office.Name} {year.DisplayName}, sudah diperiksa oleh {BotTexts.EndSentence(context.Me.Name)}", final);
        await context.SendToAsync(office.Roles.PlanningId, MessageText.Of($"Laporan Hasil Pengukuran Kinerja {year.DisplayName} disetujui oleh {context.Me.Name} dan sudah disampaikan kepada kepala kantor."));
    }

    private async Task SendToPreparerAsync(ConversationContext context, WorkflowInstance measurement, string? note)
    {
        var planningId = context.Office.Roles.PlanningId;
        var draft = await archive.RenderDraftAsync(context.Transaction, measurement, context.Now, context.CancellationToken);
        var text = new MessageText().BoldLine($"Laporan Hasil Pengukuran Kinerja {PeriodOf(measurement).DisplayName} (draf)");
        if (note is not null)
        {
            text.Line(note);
        }

        text.Line("Capaian dihitung dari data periode ini yang sudah terverifikasi: per indikator, lalu rata-rata per sasaran dan tujuan dengan predikatnya.")
            .Plain($"Bila sudah sesuai, tekan \"{MeasurementWorkflow.SubmitLabel}\". Bila ada data yang salah, perbaiki dahulu datanya (mis. /rekap {measurement.PeriodId} lalu \"Kembalikan\" ke unit), lalu kirim /ukur {measurement.PeriodId} untuk draf yang baru.");
        await context.SendToAsync(planningId, new OutgoingMessage
        {
            Text = text.Spans,
            DocumentPath = draft,
            DocumentName = Path.GetFileName(draft),
            Choices = await WorkflowChoices.ForAsync(services.Workflows, measurement, planningId),
        });
    }

    private static Task SendDocumentAsync(ConversationContext context, string officialId, string text, string path) =>
        context.SendToAsync(officialId, new OutgoingMessage { Text = MessageText.Of(text).Spans, DocumentPath = path, DocumentName = Path.GetFileName(path) });

    private static Period PeriodOf(WorkflowInstance measurement) => Period.Parse(measurement.PeriodId);
}
