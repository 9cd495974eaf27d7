using KinerjaBot.Actions;
using KinerjaBot.Domain;
using KinerjaBot.Messaging;
using KinerjaBot.Periods;

namespace KinerjaBot.Conversations;

/// <summary>The slash commands of registered officials.</summary>
public sealed class CommandHandler(
    ConversationServices services,
    PendingWork pendingWork,
    StatusReport status,
    PeriodOpening opening,
    PeriodAnnouncer announcer,
    IOfficeReportChain reportChain,
    HelpReply help,
    VerificationFlow verification,
    FormatApprovalFlow formatApproval,
    ReportCheckFlow reportCheck,
    PeriodClosingFlow closing,
    ActingFlow acting,
    IMeasurementChain measurement)
{
    /// <summary>Telegram's own limit for a command's name.</summary>
    public const int MaxCommandLength = 32;

    /// <summary>Far more than any period id ("2026-TW3"); longer is a paste gone wrong, not a request.</summary>
    public const int MaxArgumentLength = 64;

    public async Task HandleAsync(ConversationContext context, string text)
    {
        if (TooLong(text) is { } refusal)
        {
            // Never repeated back: thousands of characters would come back split over several messages.
            await context.ReplyAsync(refusal);
            return;
        }

        var parts = text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        var command = parts[0].ToLowerInvariant();

        // "/buka@KinerjaBot 2026-TW3" is how Telegram sends commands picked from the menu in groups.
        var at = command.IndexOf('@');
        if (at > 0)
        {
            command = command[..at];
        }

        var argument = parts.Length > 1 ? parts[1].Trim() : null;
        switch (command)
        {
            case "/batal":
                await CancelAsync(context);
                break;
            case "/start":
            case "/bantuan":
            case "/help":
                await context.ReplyAsync(await help.BuildAsync(context));
                break;
            case "/isi":
                context.State = IdleState.Instance;
                await pendingWork.ResumeFillingAsync(context);
                break;
            case "/status":
                await context.ReplyAsync(await status.BuildAsync(context));
                break;
            case ReportCheckFlow.Command:
                await reportCheck.StartAsync(context, argument);
                break;
            case "/tentang":
                await context.ReplyAsync(About());
                break;
            case "/buka":
                await OpenPeriodAsync(context, argument);
                break;
            case "/rekap":
                await reportChain.SendSummaryAsync(context, argument);
                break;
            case "/format":
                await formatApproval.ResendAsync(context, argument, verification.EffectsFor(context));
                break;
            case "/tutup":
                await closing.StartAsync(context, argument);
                break;
            case "/wakil":
                await acting.StartAsync(context);
                break;
            case "/ukur":
                await measurement.StartAsync(context, argument);
                break;
            default:
                await context.ReplyAsync($"Perintah {command} tidak dikenal.\n\n{BotTexts.Help}");
                break;
        }
    }

    private static string? TooLong(string text)
    {
        var parts = text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts[0].Length > MaxCommandLength + 1)
        {
            return $"Maaf, perintah itu tidak dikenal.\n\n{BotTexts.Help}";
        }

        return parts.Length > 1 && parts[1].Trim().Length > MaxArgumentLength
            ? $"Maaf, keterangan setelah {parts[0].ToLowerInvariant()} terlalu panjang (paling banyak {MaxArgumentLength} karakter). Contoh: /buka 2026-TW3 atau /rekap 2026-TW3."
            : null;
    }

    /// <summary>/batal: the one way out of any question; saved answers stay, pending returns change nothing.</summary>
    private static async Task CancelAsync(ConversationContext context)
    {
        var before = context.State;
        context.State = IdleState.Instance;
        await context.ReplyAsync(before switch
        {
            AwaitingReasonState returns => $"Baik, pengembalian {await VerificationFlow.DescribeAsync(context, returns.Returns)} dibatalkan; datanya tidak berubah.",
            ClosingReasonState or ClosingConfirmationState => "Baik, periode tidak jadi ditutup.",
            ActingSetupState => "Baik, penetapan Plt. / Plh. dibatalkan; tidak ada yang diubah.",
            { Mode: not ConversationMode.Idle } => "Baik, pertanyaan dibatalkan. Jawaban yang sudah tersimpan tetap aman. Ketik /isi untuk melanjutkan pengisian.",
            _ => "Tidak ada pertanyaan yang sedang aktif.",
        });
    }

    private string About() =>
        "KinerjaBot membantu pengumpulan data kinerja sesuai SOP, langsung dari ponsel.\n\n"
        + "KinerjaBot adalah perangkat lunak sumber terbuka dengan lisensi MIT. "
        + (string.IsNullOrWhiteSpace(services.SourceUrl)
            ? "Kode sumber versi yang berjalan di sini dapat diminta kepada operator kantor."
            : $"Kode sumbernya dapat diunduh di {services.SourceUrl}");

    /// <summary>The operator confirmed opening a period that has not ended yet ("Ya, buka sekarang").</summary>
    public async Task ConfirmOpenPeriodAsync(ConversationContext context, string? periodId)
    {
        await context.RemovePressedChoicesAsync();
        await OpenPeriodAsync(context, periodId, confirmed: true);
    }

    private async Task OpenPeriodAsync(ConversationContext context, string? argument, bool confirmed = false)
    {
        if (!MayOpenPeriods(context))
        {
            await context.ReplyAsync("Maaf, perintah /buka hanya untuk operator dan Kasubbag Perencanaan.");
            return;
        }

        if (!Period.TryParse(argument, out var period))
        {
            await context.ReplyAsync((argument is null ? "Mohon tulis periodenya setelah /buka" : $"Periode \"{argument}\" tidak dikenali. Mohon tulis lengkap dengan tahunnya") + ", misalnya /buka 2026-TW3 (triwulan), /buka 2026-07 (bulan), /buka 2026-S1 (semester) atau /buka 2026 (tahun).");
            return;
        }

        var zone = context.Office.Office.TimeZone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(context.Now, zone).DateTime);
        if (!confirmed && period.End >= today)
        {
            // Opening notifies every unit head at once and cannot be undone: make an early or mistyped period deliberate.
            await context.ReplyAsync(
                MessageText.Of($"{period.DisplayName} belum berakhir (sampai {IndonesianFormat.Date(period.End)}). Tetap buka pengumpulan datanya sekarang? "
                    + (context.Office.FormatApproval.Enabled ? "Draf formatnya akan langsung dikirim untuk diperiksa." : "Semua kepala unit akan langsung diberi tahu.")),
                [[new Choice("Ya, buka sekarang", CallbackAction.ForOpening(period.Id)), new Choice(BotTexts.Cancel, CallbackAction.Cancel)]]);
            return;
        }

        // A period closed with /tutup opens again with its units starting over; any other one is opened as new.
        var result = await closing.ReopenAsync(context, period)
            ?? await opening.OpenAsync(context.Transaction, period, context.Me.Id, context.Now, context.CancellationToken);
        if (result.Status == PeriodOpeningStatus.FormatDrafted)
        {
            await context.ReplyAsync(await formatApproval.StartedAsync(context, result, period));
            return;
        }

        var notified = result.Status == PeriodOpeningStatus.Opened ? await announcer.AnnounceAsync(context.Transaction, result, context.Now, context.CancellationToken) : 0;
        await context.ReplyAsync(result.Status switch
        {
            PeriodOpeningStatus.AlreadyOpen => $"Periode {period.DisplayName} sudah dibuka sebelumnya. Ketik /status untuk melihat kemajuannya.",
            PeriodOpeningStatus.NoIndicators => $"Tidak ada indikator dengan target untuk {period.DisplayName} di indicators.yaml, jadi periode ini tidak dibuka.",
            _ => $"Periode {period.DisplayName} dibuka untuk {result.Units} unit; batas pengisian {IndonesianFormat.DateTime(result.FillDeadline!.Value, zone)}. "
                + (notified == result.Units
                    ? "Semua kepala unit sudah diberi tahu."
                    : $"{notified} kepala unit sudah diberi tahu; yang belum mendaftar akan menerimanya saat mendaftar."),
        });
    }

    private bool MayOpenPeriods(ConversationContext context) =>
        services.Office.IsOperator(context.Me.Id) || services.Office.Roles.PlanningId == context.Me.Id;
}
