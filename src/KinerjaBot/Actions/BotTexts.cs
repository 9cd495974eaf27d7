namespace KinerjaBot.Actions;

/// <summary>
/// Fixed Indonesian phrases and button labels. Tests and users rely on the labels, so they live
/// in one place; longer messages are composed where they are sent.
/// </summary>
public static class BotTexts
{
    public const string StartFilling = "Mulai isi";
    public const string Send = "Kirim";
    public const string Approve = "Setujui";
    public const string Return = "Kembalikan";
    public const string Fix = "Perbaiki";
    public const string Change = "Ubah";
    public const string ShareContact = "📱 Bagikan nomor telepon";
    public const string Yes = "Ya, benar";
    public const string Retype = "Ketik ulang";
    public const string Skip = "Lewati";
    public const string Cancel = "Batal";
    public const string Nudge = "Ingatkan";
    public const string Later = "Nanti";
    public const string SendEvidence = "Kirim bukti";
    public const string ApproveSeen = "Setujui semua yang sudah saya periksa";

    /// <summary>How to attach, for officials who have never sent a file to a bot.</summary>
    public const string AttachHint = "📎 Cara melampirkan: tekan ikon klip (📎) di samping kolom pesan, lalu pilih foto atau dokumennya.";

    public const string AlreadyProcessed = "Sudah diproses.";

    /// <summary>A Kirim on a summary that an Ubah replaced; the fresh summary comes once the correction is typed.</summary>
    public const string SummaryOutdated = "Ringkasan ini sudah tidak berlaku; ketik nilai perbaikan terlebih dahulu.";

    public const string NotYourButton = "Maaf, tombol ini bukan untuk Bapak/Ibu.";
    public const string UnknownButton = "Maaf, tombol ini sudah tidak berlaku.";
    public const string StaleCopy = "Tombol ini sudah tidak berlaku; gunakan pesan terbaru.";
    public const string SomethingWentWrong = "Maaf, terjadi gangguan saat memproses pesan Bapak/Ibu. Mohon tunggu sebentar, lalu coba kembali.";

    public const string Help = """
        Perintah yang tersedia:
        /isi — mulai atau lanjutkan pengisian data
        /status — kemajuan periode yang sedang berjalan
        /batal — batalkan langkah yang sedang berjalan
        /bantuan — tugas Bapak/Ibu saat ini dan daftar perintah ini
        /cek — periksa apakah berkas PDF laporan sama persis dengan yang ditandatangani
        """;

    public const string OperatorHelp = """
        Khusus operator dan Kasubbag Perencanaan:
        /buka 2026-TW3 — buka periode pengumpulan data
        /rekap — unduh laporan periode terakhir (atau /rekap 2026-TW3)
        /tutup 2026-TW3 — tutup periode yang keliru dibuka, sebelum ada data terverifikasi (operator)
        /wakil — tetapkan Plt. / Plh. bila pejabat berhalangan (operator)
        /ukur 2026 — laporan hasil pengukuran kinerja (atau /ukur 2026-S1)
        /tentang — tentang KinerjaBot dan kode sumbernya
        """;

    public const string HeadHelp = """
        Untuk pimpinan:
        /rekap — unduh laporan periode terbaru (atau /rekap 2026-TW3)
        /wakil — tetapkan Plt. / Plh. bila pejabat berhalangan
        """;

    /// <summary>The commands an official may use: everyone's, plus the operator/planning or the head's own.</summary>
    public static string HelpFor(Configuration.OfficeConfiguration office, string officialId)
    {
        // Only unit heads fill anything; /isi would only puzzle the others.
        var help = office.Units.Any(u => u.HeadId == officialId) ? Help : Help.Replace("/isi — mulai atau lanjutkan pengisian data\n", string.Empty, StringComparison.Ordinal);
        if (office.IsOperator(officialId) || office.Roles.PlanningId == officialId)
        {
            return office.FormatApproval.Enabled && office.IsOperator(officialId)
                ? $"{help}\n\n{OperatorHelp.TrimEnd()}\n/format — kirim draf format yang sudah diperbaiki (bila dikembalikan)"
                : $"{help}\n\n{OperatorHelp}";
        }

        return office.Roles.HeadId == officialId ? $"{help}\n\n{HeadHelp}" : help;
    }

    /// <summary>Ends a sentence after a name without doubling the dot of a degree ("S.H." → "S.H.", not "S.H..").</summary>
    public static string EndSentence(string text) => text.EndsWith('.') ? text : text + ".";

    /// <summary>What a unit head in the middle of filling is told (/isi continues; there is no button for it).</summary>
    public static string UnfinishedFillingText(Configuration.Unit unit, Domain.Period period) =>
        $"Pengisian data {unit.Name} — {period.DisplayName} belum selesai. Ketik /isi untuk melanjutkan.";

    /// <summary>The polite form of address used wherever the bot names an official: office.yaml's salutation, or "Bapak/Ibu".</summary>
    public static string Address(Configuration.Official official) => official.Addressed;

    /// <summary>office.yaml pins the official to the other channel (<c>channel:</c>).</summary>
    public static string RegisterOnOtherChannel(Configuration.Official official, Domain.ChatChannel channel) =>
        $"Maaf, {Address(official)} terdaftar untuk menerima KinerjaBot lewat {(channel == Domain.ChatChannel.WhatsApp ? "WhatsApp" : "Telegram")}. Mohon hubungi bot di sana, atau minta operator mengubah pengaturannya.";
}
