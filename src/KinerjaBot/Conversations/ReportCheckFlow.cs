using KinerjaBot.Domain;
using KinerjaBot.Reports;

namespace KinerjaBot.Conversations;

/// <summary>
/// /cek in chat: an official sends a PDF (after /cek, or with /cek as its caption) or the line a printed copy's QR code
/// holds, and is told whether it is exactly a signed, archived report and which revision — the same
/// <see cref="ReportVerifier"/> the <c>verify</c> command uses, worded for the chat.
/// </summary>
public sealed class ReportCheckFlow(ReportVerifier verifier)
{
    public const string Command = "/cek";

    /// <summary>/cek typed, or the caption of a file: checks the file now, or waits for it.</summary>
    public async Task StartAsync(ConversationContext context, string? argument)
    {
        if (context.Event.Attachment is not null || !string.IsNullOrWhiteSpace(argument))
        {
            await CheckAsync(context, argument);
            return;
        }

        context.State = new AwaitingReportCheckState();
        await context.ReplyAsync("Silakan kirim berkas PDF laporan yang ingin diperiksa sebagai dokumen (📎, pilih berkas), atau ketik baris kode QR-nya. Ketik /batal bila tidak jadi.");
    }

    /// <summary>What came after /cek: the file, or a QR line typed or pasted.</summary>
    public Task HandleAsync(ConversationContext context) => CheckAsync(context, context.Event.Text);

    private async Task CheckAsync(ConversationContext context, string? text)
    {
        if (context.Event.Attachment is { } attachment)
        {
            await CheckFileAsync(context, attachment);
            return;
        }

        if (text is not null && text.Contains(ReportVerificationLine.Marker, StringComparison.Ordinal))
        {
            context.State = IdleState.Instance;
            await context.ReplyAsync(Describe(verifier.VerifyLine(text.Trim()), checkedLine: true));
            return;
        }

        await context.ReplyAsync("Mohon kirim berkas PDF laporannya sebagai dokumen (📎, pilih berkas), atau ketik baris kode QR yang diawali \"KINERJABOT-VERIFIKASI\". Ketik /batal bila tidak jadi.");
    }

    private async Task CheckFileAsync(ConversationContext context, IncomingAttachment attachment)
    {
        if (attachment.IsPhoto || !attachment.FileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            context.State = new AwaitingReportCheckState();
            await context.ReplyAsync("Yang dapat diperiksa hanya berkas PDF laporan, dikirim sebagai dokumen (bukan foto). Mohon kirim berkas PDF-nya, atau ketik /batal.");
            DeleteCopy(attachment);
            return;
        }

        var bytes = await File.ReadAllBytesAsync(attachment.LocalPath, context.CancellationToken);
        DeleteCopy(attachment);
        context.State = IdleState.Instance;
        await context.ReplyAsync(Describe(verifier.VerifyFile(bytes), checkedLine: false));
    }

    /// <summary>The file was only to be checked, not kept as evidence.</summary>
    private static void DeleteCopy(IncomingAttachment attachment)
    {
        try
        {
            File.Delete(attachment.LocalPath);
        }
        catch (IOException)
        {
            // A copy left behind is harmless; the check itself does not depend on it.
        }
    }

    private static string Describe(ReportVerification result, bool checkedLine)
    {
        var what = result.PeriodId is null ? string.Empty : $"{PeriodName(result.PeriodId)}, revisi ke-{result.Revision}";
        return result.Status switch
        {
            ReportVerificationStatus.Verified when checkedLine =>
                $"✅ Kode ini milik laporan yang sudah ditandatangani dan diarsipkan ({what}). Kode membuktikan laporan mana yang dimaksud, bukan bahwa angka cetakannya tidak berubah: mohon bandingkan halaman cetak dengan PDF arsip (/rekap).",
            ReportVerificationStatus.Verified =>
                $"✅ Berkas ini sama persis dengan laporan yang ditandatangani dan diarsipkan: {what}.",
            ReportVerificationStatus.Altered when checkedLine =>
                $"❌ Kode ini menyebut laporan {what}, tetapi tidak cocok dengan laporan yang ditandatangani (nomor atau sidik data berbeda).",
            ReportVerificationStatus.Altered =>
                $"❌ Berkas ini mengaku sebagai laporan {what}, tetapi isinya berbeda dari berkas yang ditandatangani dan diarsipkan: berkas ini sudah diubah setelah ditandatangani. Mohon gunakan salinan arsip (/rekap).",
            _ when result.Claimed is { } claimed =>
                $"❌ {(checkedLine ? "Kode" : "Berkas")} ini bukan laporan yang ditandatangani di arsip ini. Ia mengaku sebagai {PeriodName(claimed.PeriodId)}, revisi ke-{claimed.Revision}, yang tidak ada salinan bertanda tangannya di arsip (mungkin draf atau salinan yang diubah).",
            _ => $"❌ {(checkedLine ? "Kode" : "Berkas")} ini bukan laporan yang ditandatangani di arsip ini (mungkin draf, laporan dari kantor lain, atau salinan yang diubah).",
        };
    }

    private static string PeriodName(string periodId) =>
        Period.TryParse(periodId, out var period) ? period.DisplayName : periodId;
}
