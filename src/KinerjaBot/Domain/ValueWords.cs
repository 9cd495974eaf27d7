namespace KinerjaBot.Domain;

/// <summary>
/// The words that can follow a typed number and change what it means: multipliers, units, and words that make it
/// vague. None of them is ever taken as a note; each is either understood exactly or the answer is refused.
/// </summary>
internal static class ValueWords
{
    public const string Percent = "persen";

    public const string Hour = "jam";

    public const string Minute = "menit";

    private static readonly Dictionary<string, decimal> Multipliers = new(StringComparer.Ordinal)
    {
        ["ribu"] = 1_000m,
        ["rb"] = 1_000m,
        ["juta"] = 1_000_000m,
        ["jt"] = 1_000_000m,
        ["miliar"] = 1_000_000_000m,
        ["milyar"] = 1_000_000_000m,
    };

    // Satuan officials write after a number (config/indicators.yaml `measure:` and the usual Perjanjian Kinerja ones);
    // the indicator's own satuan is accepted even when it is not listed here.
    private static readonly HashSet<string> Units = new(StringComparer.Ordinal)
    {
        Percent, Hour, Minute, "detik", "hari", "minggu", "bulan", "tahun",
        "orang", "kegiatan", "dokumen", "kali", "kasus", "desa", "kelurahan", "unit", "buah", "paket", "laporan",
        "berkas", "lembar", "jiwa", "kk", "keluarga", "rumah", "titik", "lokasi", "pegawai", "peserta", "kader",
        "sekolah", "indeks", "poin", "rupiah", "rp", "km", "meter", "kg", "ton", "liter", "hektar", "ha",
    };

    // Words that change the number without saying exactly how ("90 lebih", "45 dari 50", "2 setengah jam").
    private static readonly HashSet<string> Vague = new(StringComparer.Ordinal)
    {
        "lebih", "kurang", "sekitar", "kira", "kira-kira", "hampir", "dari", "per", "sampai", "hingga", "atau",
        "setengah", "seperempat", "koma", "puluh", "belas", "ratus", "puluhan", "ratusan", "ribuan", "jutaan",
        "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "seratus", "seribu",
        "sejuta", "k", "m", "t", "triliun",
    };

    public static decimal? Multiplier(string word) => Multipliers.TryGetValue(word, out var factor) ? factor : null;

    /// <summary>A satuan word; the indicator's own <paramref name="measure"/> counts as one whatever it is.</summary>
    public static bool IsUnit(string word, string? measure) =>
        Units.Contains(word) || (measure is not null && string.Equals(word, measure, StringComparison.OrdinalIgnoreCase));

    public static bool IsTime(string word) => word is Hour or Minute;

    /// <summary>
    /// The known word that <paramref name="word"/> is, or starts with ("ribuan", "jamnya", "persenan"), when it is a
    /// word that alters the number; null for an ordinary word, which may begin a note.
    /// </summary>
    public static string? NumberLike(string word, string? measure)
    {
        if (Vague.Contains(word) || Multipliers.ContainsKey(word) || IsUnit(word, measure))
        {
            return word;
        }

        // Stems of three letters or more only: "rb" must not claim "rbh", but "ribuan" is "ribu" made vague.
        return Multipliers.Keys.Concat(Units).FirstOrDefault(known => known.Length >= 3 && word.StartsWith(known, StringComparison.Ordinal));
    }
}
