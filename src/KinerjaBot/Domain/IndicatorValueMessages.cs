namespace KinerjaBot.Domain;

/// <summary>
/// The refusals of <see cref="IndicatorValueParser"/>: short, polite Bahasa Indonesia saying what is wrong and what to
/// type. They quote only numbers the parser formatted and words from its own vocabulary, never the raw answer.
/// </summary>
internal static class IndicatorValueMessages
{
    public const string TooManyDecimals = "Paling banyak 4 angka di belakang koma. Mohon ketik lebih singkat, misalnya 72,25.";

    public const string TooLarge = "Angkanya terlalu besar (lebih dari 1 triliun). Mohon periksa kembali dan ketik angkanya, misalnya 1.234.567.";

    public const string ScientificNotation = "Penulisan dengan huruf e (seperti 1e5) tidak dipakai. Mohon ketik angkanya lengkap, misalnya 100000.";

    public const string NumberAfterSeparator =
        "Angka setelah tanda koma atau pisah kurang jelas. Mohon ketik satu angka tanpa spasi, misalnya 72,5; keterangan dapat ditulis di baris berikutnya.";

    public static string Example(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Percent => "85",
        IndicatorKind.Integer => "12",
        _ => "72,5",
    };

    public static string Empty(IndicatorKind kind) => $"Jawaban masih kosong. Mohon ketik angkanya, misalnya {Example(kind)}.";

    public static string TooLong(IndicatorKind kind) => $"Jawaban terlalu panjang. Mohon ketik angkanya saja, misalnya {Example(kind)}.";

    public static string NotANumber(IndicatorKind kind) =>
        $"Maaf, jawaban itu belum terbaca sebagai angka. Mohon ketik angka saja, misalnya {Example(kind)}.";

    public static string OtherDigits(IndicatorKind kind) =>
        $"Angka itu memakai huruf angka yang tidak biasa. Mohon ketik dengan angka 0–9 biasa, misalnya {Example(kind)}.";

    public static string HiddenCharacter(IndicatorKind kind) =>
        $"Ada karakter tersembunyi atau rusak di dalam jawaban (biasanya dari salinan teks). Mohon ketik ulang angkanya langsung, misalnya {Example(kind)}.";

    public static string LetterInNumber(IndicatorKind kind) =>
        $"Ada huruf di antara angka (huruf O bukan angka 0). Mohon ketik angka saja, misalnya {Example(kind)}.";

    public static string UnclearWord(string word, IndicatorKind kind) =>
        $"Kata \"{word}\" membuat angkanya kurang pasti. Mohon ketik angkanya saja, misalnya {Example(kind)}; keterangan dapat ditulis di baris berikutnya.";

    public static string UnitNotExpected(string word, string? measure, IndicatorKind kind) => measure is null
        ? $"Mohon ketik angkanya saja tanpa satuan \"{word}\", misalnya {Example(kind)}."
        : $"Satuan indikator ini {measure}, bukan {word}. Mohon ketik angkanya saja dalam {measure}, misalnya {Example(kind)}.";

    public static string TimeNotExact(string minutes) =>
        $"Waktu {minutes} menit tidak pas bila ditulis dalam jam. Mohon ketik dalam jam dengan koma, misalnya 1,5 untuk 1 jam 30 menit.";

    public static string NoteTooLong(int limit) =>
        $"Keterangan terlalu panjang (lebih dari {limit} huruf). Mohon ketik keterangan yang lebih singkat, misalnya satu atau dua kalimat.";

    public static string Negative(IndicatorKind kind) =>
        $"Nilai tidak boleh kurang dari 0. Mohon ketik angka tanpa tanda minus, misalnya {Example(kind)}.";

    public static string PercentNotExpected(IndicatorKind kind) =>
        $"Indikator ini tidak diisi dalam persen. Mohon ketik jumlahnya saja tanpa tanda %, misalnya {Example(kind)}.";

    public static string FractionNotAllowed(string shown, IndicatorKind kind) =>
        $"Indikator ini diisi dengan bilangan bulat, tetapi yang terbaca {shown}. Mohon ketik tanpa koma, misalnya {Example(kind)}.";

    public static string PercentOver100(string shown, IndicatorKind kind) =>
        $"Nilai persen paling besar 100, tetapi yang terbaca {shown}. Mohon ketik angka 0 sampai 100, misalnya {Example(kind)}.";
}
