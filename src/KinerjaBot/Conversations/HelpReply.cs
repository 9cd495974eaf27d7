using KinerjaBot.Actions;
using KinerjaBot.Domain;
using KinerjaBot.Reminders;
using KinerjaBot.Workflow;

namespace KinerjaBot.Conversations;

/// <summary>
/// /bantuan (and /start): what this official owes right now and how to do it, the commands of their role, and whom
/// to ask. A bare command list leaves an official who opened help because they were stuck just as stuck.
/// </summary>
public sealed class HelpReply(ConversationServices services, OwedWorkFinder owedWork)
{
    public async Task<string> BuildAsync(ConversationContext context)
    {
        var office = services.Office;
        var zone = office.Office.TimeZone;
        var mine = (await owedWork.FindAsync(context.Transaction, context.CancellationToken))
            .Where(item => item.HolderId == context.Me.Id)
            .OrderBy(item => item.Deadline)
            .ToList();
        var owed = mine.Count == 0
            ? "Tidak ada tugas yang menunggu Bapak/Ibu saat ini."
            : "Saat ini Bapak/Ibu perlu:\n" + string.Join("\n", mine.Select(item => $"• {What(item)} (batas {IndonesianFormat.DateTime(item.Deadline, zone)}) — {How(item)}"));

        var text = $"KinerjaBot {office.Office.Name}\n\n{owed}\n\n{BotTexts.HelpFor(office, context.Me.Id)}";
        var operators = office.Roles.OperatorIds.Where(id => id != context.Me.Id).Select(office.Official).ToList();
        return operators.Count == 0
            ? text
            : $"{text}\n\nBila ada kendala atau pertanyaan, silakan hubungi operator: {string.Join(" atau ", operators.Select(o => $"{o.Name} ({o.Position})"))}.";
    }

    private static string What(OwedItem item)
    {
        var period = item.Period.DisplayName;
        return item.Instance.Kind == WorkflowKind.FormatApproval ? $"{FormatApprovalWorkflow.StepNoun(item.Instance.State)} {period}"
            : item.ChainStage is { } stage ? $"memberikan {OfficeReportWorkflow.StageNoun(stage.Kind)} laporan kantor {period}"
            : item.Instance.State == UnitSubmissionWorkflow.Returned ? $"memperbaiki data {item.Unit!.Name} {period} yang dikembalikan"
            : item.HolderId == item.Unit!.HeadId ? $"mengisi data {item.Unit.Name} {period}"
            : $"memverifikasi data {item.Unit.Name} {period}";
    }

    private static string How(OwedItem item) =>
        item.Instance.Kind == WorkflowKind.FormatApproval
            ? item.Instance.State == FormatApprovalWorkflow.Correction ? "ketik /format setelah diperbaiki" : $"tekan \"{FormatApprovalWorkflow.ApproveLabel(item.Instance.State)}\" pada pesan draf formatnya"
            : item.ChainStage is { } stage ? $"tekan \"{OfficeReportWorkflow.ApproveLabel(stage.Kind)}\" pada pesan draf laporannya"
            : item.HolderId == item.Unit!.HeadId ? "ketik /isi"
            : $"tekan \"{BotTexts.Approve}\" atau \"{BotTexts.Return}\" pada pesan verifikasinya";
}
