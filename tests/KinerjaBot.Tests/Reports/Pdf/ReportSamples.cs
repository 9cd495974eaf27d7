using System.Globalization;
using KinerjaBot.Domain;
using KinerjaBot.Reports;
using KinerjaBot.Reports.Pdf;

namespace KinerjaBot.Tests.Reports.Pdf;

/// <summary>
/// A fictional office's report with any number of indicators, deterministic so page counts are stable.
/// Also compiled into the benchmarks (linked file), so keep it free of test-framework types.
/// </summary>
public static class ReportSamples
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    private static readonly string[] Units =
    [
        "Seksi Ketentraman dan Ketertiban Umum",
        "Seksi Pemerintahan",
        "Seksi Kesejahteraan Sosial",
        "Seksi Ekonomi dan Pembangunan",
        "Subbagian Umum dan Kepegawaian",
    ];

    private static readonly (string Name, string Measure)[] Indicators =
    [
        ("Persentase penegakan Peraturan Daerah dan Peraturan Bupati", "%"),
        ("Jumlah kegiatan sosialisasi ketertiban umum dan ketentraman masyarakat", "kegiatan"),
        ("Persentase desa yang menyampaikan laporan penyelenggaraan pemerintahan desa tepat waktu", "%"),
        ("Jumlah dokumen perencanaan kecamatan yang disusun", "dokumen"),
        ("Persentase pelayanan administrasi terpadu kecamatan yang diselesaikan sesuai standar pelayanan", "%"),
        ("Jumlah warga yang mendapat pelatihan keterampilan", "orang"),
        ("Jumlah gangguan ketentraman dan ketertiban umum", "kejadian"),
        ("Jumlah rapat koordinasi", "kali"),
    ];

    public const string SampleHash = "3f2a9c0d1e5b7a44c6d8e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5";

    public static ReportDocumentModel Create(int indicatorCount, int parafCount = 2)
    {
        var units = new List<ReportUnitSection>();
        var perUnit = (int)Math.Ceiling(indicatorCount / (double)Units.Length);
        var number = 0;
        for (var u = 0; u < Units.Length && number < indicatorCount; u++)
        {
            var rows = new List<ReportRow>();
            for (var i = 0; i < perUnit && number < indicatorCount; i++)
            {
                number++;
                rows.Add(Row(number));
            }

            units.Add(new ReportUnitSection { UnitName = Units[u], Rows = rows });
        }

        return new ReportDocumentModel
        {
            Letterhead = new ReportLetterhead
            {
                GovernmentLine = "PEMERINTAH KABUPATEN CONTOH",
                OfficeName = "KECAMATAN CONTOH",
                Address = "Jl. Raya Contoh No. 1, Contoh 12345 · Telepon (0123) 456789 · Pos-el kec.contoh@contohkab.go.id",
            },
            Title = "DATA KINERJA KECAMATAN CONTOH TRIWULAN III 2026",
            DocumentNumber = "050/123/KEC.CTH/2026",
            DataHash = SampleHash,
            VerificationLine = new ReportVerificationLine("kec-contoh", "2026-TW3", 1, "050/123/KEC.CTH/2026", SampleHash).ToString(),
            Units = units,
            Parafs = Enumerable.Range(1, parafCount).Select(Paraf).ToList(),
            Signature = new SignatureBlock
            {
                PlaceAndDate = "Contoh, 8 Oktober 2026",
                Position = "Camat Contoh",
                Name = "Drs. BUDI SANTOSO WIRAATMAJA, M.Si.",
                Rank = "Pembina Tingkat I",
                Nip = "19670701 199209 1 001",
            },
            Author = "Kecamatan Contoh",
        };
    }

    /// <summary>Every eighth indicator (gangguan ketentraman) is lower-is-better.</summary>
    public static ReportRow Row(int number)
    {
        var (name, measure) = Indicators[(number - 1) % Indicators.Length];
        var lower = measure == "kejadian";
        var target = measure == "%" ? 70 + (number % 30) : 10 + (number * 37 % 2400);
        var realisation = target * (0.8 + (number % 25 / 100.0)) + (number % 3 == 0 ? 0.5 : 0);
        var achievement = lower ? Math.Max(0, 200 - (realisation / target * 100)) : realisation / target * 100;
        return new ReportRow
        {
            Number = number.ToString(CultureInfo.InvariantCulture),
            IndicatorName = name,
            Measure = measure,
            Target = target.ToString("#,0.##", Indonesian),
            Realisation = realisation.ToString("#,0.#", Indonesian),
            Achievement = achievement.ToString("0.0", Indonesian),
            Rating = RatingBands.Default.Rate((decimal)achievement).Label,
            LowerIsBetter = lower,
            Remark = number % 4 == 0 ? "Data dari aplikasi SIMDA; menunggu verifikasi lapangan" : "",
        };
    }

    private static ParafRecord Paraf(int index) => index switch
    {
        1 => new ParafRecord { Name = "SITI RAHAYU, S.E.", Position = "Kepala Subbagian Perencanaan dan Keuangan", SignedAt = "Rabu, 7 Oktober 2026 10.15 WIB" },
        2 => new ParafRecord { Name = "AHMAD FAUZI, S.Sos., M.AP.", Position = "Sekretaris Kecamatan", SignedAt = "Kamis, 8 Oktober 2026 16.00 WIB" },
        _ => new ParafRecord { Name = $"PEJABAT KE-{index}", Position = "Kepala Seksi", SignedAt = "Kamis, 8 Oktober 2026 16.00 WIB" },
    };
}
