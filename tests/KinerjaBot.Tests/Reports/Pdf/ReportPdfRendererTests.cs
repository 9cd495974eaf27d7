using System.Text.RegularExpressions;
using KinerjaBot.Reports.Pdf;

namespace KinerjaBot.Tests.Reports.Pdf;

public class ReportPdfRendererTests
{
    private readonly ReportPdfRenderer _renderer = new();

    [Fact]
    public void Twenty_indicators_fill_two_pages_and_two_hundred_fill_many_more()
    {
        var twenty = PdfText.Pages(_renderer.Render(ReportSamples.Create(20)));
        var twoHundred = PdfText.Pages(_renderer.Render(ReportSamples.Create(200)));

        Assert.Equal(2, twenty.Count);
        Assert.Equal(14, twoHundred.Count);
    }

    [Fact]
    public void Every_indicator_row_shows_its_target_realisation_and_capaian_on_its_own_line()
    {
        var model = ReportSamples.Create(200);
        var text = string.Join("\n", PdfText.Pages(_renderer.Render(model)));

        foreach (var row in model.Units.SelectMany(u => u.Rows))
        {
            var pattern = $@"^\s*{Regex.Escape(row.Number)}\s+\S.*\s{Regex.Escape(row.Target)}\s+{Regex.Escape(row.Realisation)}\s+{Regex.Escape(row.Achievement)}(\s|$)";
            Assert.True(
                Regex.IsMatch(text, pattern, RegexOptions.Multiline),
                $"Row {row.Number} should read '… {row.Target}  {row.Realisation}  {row.Achievement}' on one line.");
        }
    }

    [Fact]
    public void The_table_header_repeats_on_every_page_with_indicator_rows()
    {
        var model = ReportSamples.Create(200);
        var pages = PdfText.Pages(_renderer.Render(model));

        var tablePages = pages.Where(p => p.Contains("Jumlah rapat koordinasi", StringComparison.Ordinal) || p.Contains("Persentase", StringComparison.Ordinal)).ToList();
        Assert.True(tablePages.Count >= pages.Count - 1, "All pages but the closing one should hold indicator rows.");
        Assert.All(tablePages, page => Assert.Equal(1, Count(page, "Indikator Kinerja")));
        Assert.All(tablePages, page => Assert.Matches(@"No\s+Indikator Kinerja\s+Satuan\s+Target\s+Realisasi\s+Predikat\s+Keterangan", page));
        Assert.All(tablePages, page => Assert.Matches(@"Capaian\s+(\S.*\n.*)?\(%\)", page));
    }

    [Fact]
    public void A_unit_that_runs_over_a_page_break_is_named_again_under_the_header()
    {
        var model = ReportSamples.Create(200);
        var pages = PdfText.Pages(_renderer.Render(model));
        var unitNames = model.Units.Select(u => u.UnitName).ToList();

        var continued = 0;
        foreach (var page in pages.Skip(1).Where(p => p.Contains("Indikator Kinerja", StringComparison.Ordinal)))
        {
            // The first line under the header (whose "(%)" wraps onto its own line) names a unit.
            var lines = page.Split('\n');
            var afterHeader = lines.SkipWhile(l => l.Trim() != "(%)").Skip(1).First(l => l.Trim().Length > 0).Trim();
            Assert.Contains(unitNames, name => afterHeader == name || afterHeader == $"{name} (lanjutan)");
            continued += afterHeader.EndsWith("(lanjutan)", StringComparison.Ordinal) ? 1 : 0;
        }

        Assert.True(continued >= 5, $"Expected most pages to continue a unit, saw {continued}.");
    }

    [Fact]
    public void Every_page_says_which_page_it_is_of_how_many_with_the_document_number_and_the_whole_data_hash()
    {
        var model = ReportSamples.Create(200);
        var pages = PdfText.Pages(_renderer.Render(model));

        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Equal(1, Count(pages[i], $"Halaman {i + 1} dari {pages.Count}"));
            Assert.Contains($"Nomor: {model.DocumentNumber}", pages[i], StringComparison.Ordinal);
            Assert.Contains($"SHA-256 data: {model.DataHash}", pages[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_last_page_carries_the_heads_signature_block_with_name_rank_and_grouped_nip()
    {
        var model = ReportSamples.Create(20);
        var last = PdfText.Pages(_renderer.Render(model))[^1];

        Assert.Contains("Contoh, 8 Oktober 2026", last, StringComparison.Ordinal);
        Assert.Contains("Camat Contoh", last, StringComparison.Ordinal);
        Assert.Contains("Drs. BUDI SANTOSO WIRAATMAJA, M.Si.", last, StringComparison.Ordinal);
        Assert.Contains("Pembina Tingkat I", last, StringComparison.Ordinal);
        Assert.Contains("NIP. 19670701 199209 1 001", last, StringComparison.Ordinal);
    }

    [Fact]
    public void The_paraf_box_lists_each_parafs_name_position_and_time_with_a_column_for_wet_initials_before_the_signature()
    {
        var model = ReportSamples.Create(20);
        var last = PdfText.Pages(_renderer.Render(model))[^1];

        // The time's header wraps around the line that names the other columns; "Paraf" is the box for wet initials.
        Assert.Matches(@"Waktu Paraf\s+No\s+Nama\s+Jabatan\s+Paraf\s+\(KinerjaBot\)", last);
        foreach (var paraf in model.Parafs)
        {
            Assert.Contains(paraf.Name, last, StringComparison.Ordinal);
            AssertWordsInOrder(paraf.Position, last); // a long position wraps inside its cell
            AssertWordsInOrder(paraf.SignedAt, last); // and so does the time
        }
        Assert.True(
            last.IndexOf(model.Parafs[^1].Name, StringComparison.Ordinal) < last.IndexOf("NIP.", StringComparison.Ordinal),
            "The paraf box comes before the signature block.");
    }

    [Fact]
    public void The_signature_block_never_stands_alone_every_last_page_has_table_rows_above_it()
    {
        // From 1 to 40 indicators the table ends at every height of a page, so in some counts the paraf box and the
        // signature would not fit under the last row and must take the table's last rows with them.
        var moved = 0;
        foreach (var count in Enumerable.Range(1, 40))
        {
            var model = ReportSamples.Create(count);
            var pages = PdfText.Pages(_renderer.Render(model));
            var last = pages[^1];
            var rows = model.Units.SelectMany(u => u.Rows).ToList();
            var signature = last.IndexOf("NIP. 19670701", StringComparison.Ordinal);
            var paraf = last.IndexOf("Paraf Koordinasi", StringComparison.Ordinal);
            var rowsAbove = rows.Count(r => Regex.IsMatch(last[..Math.Max(0, paraf)], $@"(?m)^\s*{r.Number}\s+\S.*\s{Regex.Escape(r.Target)}\s+{Regex.Escape(r.Realisation)}\s"));

            Assert.True(signature > paraf && paraf > 0, $"{count} indicators: the paraf box and signature block should both be on the last page.");
            Assert.True(rowsAbove >= Math.Min(2, count), $"{count} indicators: the last page should show at least {Math.Min(2, count)} table rows above the paraf box, saw {rowsAbove}.");
            Assert.Contains($"{rows[^1].Number} ", last, StringComparison.Ordinal);
            Assert.Single(pages, p => p.Contains("NIP. 19670701", StringComparison.Ordinal));
            moved += pages.Count > 1 && rowsAbove < rows.Count ? 1 : 0;
        }

        Assert.True(moved > 0, "Some count between 1 and 40 should have carried rows over to the signature's page.");
    }

    [Fact]
    public void Each_row_shows_its_predikat_and_a_lower_is_better_indicator_is_marked_with_an_arrow_explained_under_the_table()
    {
        var model = ReportSamples.Create(20);
        var pages = PdfText.Pages(_renderer.Render(model));
        var text = string.Join("\n", pages);

        foreach (var row in model.Units.SelectMany(u => u.Rows))
        {
            // "Sangat Baik" wraps inside its cell: its first word stands on the row's line.
            var first = row.Rating.Split(' ')[0];
            Assert.Matches($@"(?m)^\s*{row.Number}\s+\S.*\s{Regex.Escape(row.Achievement)}\s+{Regex.Escape(first)}(\s|$)", text);
        }

        var lower = model.Units.SelectMany(u => u.Rows).Where(r => r.LowerIsBetter).ToList();
        Assert.NotEmpty(lower);
        Assert.Equal(lower.Count, Count(text, "↓") - 1); // one per marked row, one in the legend
        var last = pages[^1];
        var legend = last.IndexOf("↓ = semakin rendah semakin baik", StringComparison.Ordinal);
        Assert.True(legend > 0 && legend < last.IndexOf("Paraf Koordinasi", StringComparison.Ordinal), "The legend stands under the table, before the paraf box.");
    }

    [Fact]
    public void A_table_without_a_lower_is_better_indicator_has_no_arrow_legend()
    {
        var model = ReportSamples.Create(3);
        Assert.DoesNotContain(model.Units.SelectMany(u => u.Rows), r => r.LowerIsBetter);

        var text = string.Join("\n", PdfText.Pages(_renderer.Render(model)));

        Assert.DoesNotContain("↓", text, StringComparison.Ordinal);
        Assert.Contains("Predikat", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_dejavu_fonts_the_table_uses_can_draw_the_arrow_mark()
    {
        var resolver = PdfSharpSetup.EnsureInitialized();

        Assert.True(resolver.GetCoverage(DejaVuFontResolver.SansFamily, bold: false, italic: false).Contains('↓'));
        Assert.True(resolver.GetCoverage(DejaVuFontResolver.SansFamily, bold: false, italic: false).Contains('−'));
    }

    [Fact]
    public void The_signed_report_carries_its_verification_code_as_a_qr_image_and_in_its_metadata_a_draft_carries_none()
    {
        var model = ReportSamples.Create(5);
        var signed = _renderer.Render(model);
        var draft = _renderer.Render(model with { VerificationLine = null });

        var images = PdfText.Run("pdfimages", "-list", WriteTemp(signed));

        // One square image: the QR code (the sample has no logo).
        var image = Assert.Single(Regex.Matches(images, @"(?m)^\s*1\s+\d+\s+image\s+(\d+)\s+(\d+)\s"));
        Assert.Equal(image.Groups[1].Value, image.Groups[2].Value);
        Assert.Equal(model.VerificationLine, KinerjaBot.Reports.ReportVerifier.ReadVerificationLine(signed));
        Assert.Contains("Kode QR verifikasi", PdfText.Pages(signed)[^1], StringComparison.Ordinal);
        Assert.Null(KinerjaBot.Reports.ReportVerifier.ReadVerificationLine(draft));
        Assert.DoesNotContain("Kode QR verifikasi", string.Join("\n", PdfText.Pages(draft)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_paraf_still_to_come_is_listed_with_its_official_and_an_empty_time()
    {
        var model = ReportSamples.Create(3);
        model = model with { Parafs = [model.Parafs[0], model.Parafs[1] with { SignedAt = "" }] };

        var last = PdfText.Pages(_renderer.Render(model))[^1];

        Assert.Contains(model.Parafs[1].Name, last, StringComparison.Ordinal);
        Assert.Contains(model.Parafs[0].SignedAt.Split(' ')[0], last, StringComparison.Ordinal);
        Assert.DoesNotContain("Kamis, 8 Oktober 2026", last, StringComparison.Ordinal);
    }

    [Fact]
    public void The_letterhead_title_and_metadata_are_printed()
    {
        var model = ReportSamples.Create(5);
        var pdf = _renderer.Render(model);
        var first = PdfText.Pages(pdf)[0];
        var info = PdfText.Run("pdfinfo", WriteTemp(pdf));

        Assert.Contains("PEMERINTAH KABUPATEN CONTOH", first, StringComparison.Ordinal);
        Assert.Contains("KECAMATAN CONTOH", first, StringComparison.Ordinal);
        Assert.Contains("DATA KINERJA KECAMATAN CONTOH TRIWULAN III 2026", first, StringComparison.Ordinal);
        Assert.Matches(@"Title:\s+DATA KINERJA KECAMATAN CONTOH TRIWULAN III 2026", info);
        Assert.Matches(@"Author:\s+Kecamatan Contoh", info);
        Assert.Matches(@"Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)", info);
    }

    [Fact]
    public void A_revision_is_named_under_the_title_and_in_every_footer()
    {
        var model = ReportSamples.Create(60) with { RevisionLabel = "Revisi ke-2" };
        var pages = PdfText.Pages(_renderer.Render(model));

        Assert.All(pages, page => Assert.Contains("(Revisi ke-2)", page, StringComparison.Ordinal));
        Assert.Equal(2, Count(pages[0], "Revisi ke-2"));
    }

    [Fact]
    public void Hostile_cell_text_renders_and_the_next_row_is_intact()
    {
        var longName = string.Join(" ", Enumerable.Repeat("Persentase&<penanganan> \"aduan\" 'warga' café", 7))[..300];
        var hostile = ReportSamples.Row(1) with
        {
            IndicatorName = longName,
            Remark = "Catatan 😀 👨‍👩‍👧 ❤️ selesai\r\nbaris\tdua\u0007",
        };
        var empty = ReportSamples.Row(2) with { Remark = "" };
        var unbroken = ReportSamples.Row(3) with { IndicatorName = new string('X', 260) };
        var next = ReportSamples.Row(4) with { IndicatorName = "Baris sesudahnya utuh" };
        var model = ReportSamples.Create(1) with
        {
            Units = [new ReportUnitSection { UnitName = "Seksi <Uji> & \"Coba\"", Rows = [hostile, empty, unbroken, next] }],
        };

        var text = string.Join("\n", PdfText.Pages(_renderer.Render(model)));

        Assert.Contains("Seksi <Uji> & \"Coba\"", text, StringComparison.Ordinal);
        Assert.Equal(Count(longName, "Persentase&<penanganan>"), Count(text, "Persentase&<penanganan>"));
        Assert.Equal(Count(longName, "café"), Count(text, "café"));
        Assert.Contains("\"aduan\"", text, StringComparison.Ordinal);
        Assert.Contains("'warga'", text, StringComparison.Ordinal);
        // DejaVu draws 😀 and ❤ in black and white; the family sequence has no glyphs and becomes "???".
        Assert.Contains("Catatan", text, StringComparison.Ordinal);
        Assert.Contains("???", text, StringComparison.Ordinal);
        Assert.Contains("selesai", text, StringComparison.Ordinal);
        Assert.Contains("baris dua", text, StringComparison.Ordinal);
        Assert.Equal(260, text.Count(c => c == 'X'));
        foreach (var row in new[] { empty, next })
        {
            Assert.Matches(
                new Regex($@"^\s*{row.Number}\s+\S.*\s{Regex.Escape(row.Measure)}\s+{Regex.Escape(row.Target)}\s+{Regex.Escape(row.Realisation)}\s+{Regex.Escape(row.Achievement)}(\s|$)", RegexOptions.Multiline),
                text);
        }

        Assert.Matches(@"(?m)^\s*4\s+Baris sesudahnya utuh\s", text);
    }

    [Fact]
    public void A_row_taller_than_a_page_is_split_across_pages_under_the_repeated_header()
    {
        var tall = ReportSamples.Row(1) with { IndicatorName = string.Join(" ", Enumerable.Range(1, 900).Select(i => $"kata{i}")) };
        var after = ReportSamples.Row(2) with { IndicatorName = "Indikator sesudah baris panjang" };
        var model = ReportSamples.Create(1) with { Units = [new ReportUnitSection { UnitName = "Seksi Uji", Rows = [tall, after] }] };

        var pages = PdfText.Pages(_renderer.Render(model));

        Assert.True(pages.Count >= 3, $"Expected the tall row to need more than one page, got {pages.Count} pages.");
        var all = string.Join("\n", pages);
        Assert.All(Enumerable.Range(1, 900), i => Assert.Matches($@"\bkata{i}\b", all));
        Assert.All(pages.Where(p => p.Contains("kata", StringComparison.Ordinal)), p => Assert.Equal(1, Count(p, "Indikator Kinerja")));
        AssertWordsInOrder("Indikator sesudah baris panjang", all);
    }

    [Fact]
    public void A_missing_font_folder_is_reported_with_the_folder_and_the_package_to_install()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"kinerjabot-no-fonts-{Guid.NewGuid():N}");

        var error = Assert.Throws<DirectoryNotFoundException>(() => new DejaVuFontResolver(folder));

        Assert.Contains(folder, error.Message, StringComparison.Ordinal);
        Assert.Contains("fonts-dejavu-core", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_font_folder_missing_a_face_is_reported_with_the_file_folder_and_package()
    {
        var folder = Directory.CreateTempSubdirectory("kinerjabot-some-fonts-").FullName;
        try
        {
            File.Copy(Path.Combine(DejaVuFontResolver.DefaultFontFolder, "DejaVuSans.ttf"), Path.Combine(folder, "DejaVuSans.ttf"));

            var error = Assert.Throws<FileNotFoundException>(() => new DejaVuFontResolver(folder));

            Assert.Contains("DejaVuSans-Bold.ttf", error.Message, StringComparison.Ordinal);
            Assert.Contains(folder, error.Message, StringComparison.Ordinal);
            Assert.Contains("fonts-dejavu-core", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Setting_up_pdfsharp_twice_or_concurrently_installs_one_resolver()
    {
        var resolvers = Enumerable.Range(0, 8).AsParallel().Select(_ => PdfSharpSetup.EnsureInitialized()).Distinct().ToList();

        Assert.Single(resolvers);
        Assert.Same(resolvers[0], PdfSharp.Fonts.GlobalFontSettings.FontResolver);
    }

    [Fact]
    public void One_renderer_can_render_several_reports_at_the_same_time()
    {
        var models = Enumerable.Range(0, 6).Select(i => ReportSamples.Create(30 + i)).ToArray();
        var expected = models.Select(m => Normalize(PdfText.Pages(_renderer.Render(m)))).ToArray();

        var rendered = models.AsParallel().WithDegreeOfParallelism(4).Select(m => _renderer.Render(m)).ToArray();

        Assert.Equal(expected, rendered.Select(pdf => Normalize(PdfText.Pages(pdf))));
        static string Normalize(IReadOnlyList<string> pages) => string.Join("\f", pages);
    }

    [Fact]
    public void Asking_for_another_font_folder_after_set_up_says_which_folder_is_in_use()
    {
        PdfSharpSetup.EnsureInitialized();

        var error = Assert.Throws<InvalidOperationException>(() => PdfSharpSetup.EnsureInitialized("/opt/other-fonts"));

        Assert.Contains(DejaVuFontResolver.DefaultFontFolder, error.Message, StringComparison.Ordinal);
        Assert.Contains("/opt/other-fonts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_logo_is_drawn_at_the_left_of_the_letterhead()
    {
        var logo = Path.Combine(Path.GetTempPath(), $"kinerjabot-logo-{Guid.NewGuid():N}.png");
        File.WriteAllBytes(logo, Convert.FromBase64String(OnePixelPng));
        try
        {
            var model = ReportSamples.Create(3);
            model = model with { Letterhead = model.Letterhead with { LogoPath = logo } };
            var pdf = WriteTemp(_renderer.Render(model));

            var images = PdfText.Run("pdfimages", "-list", pdf);

            Assert.Matches(@"(?m)^\s*1\s+\d+\s+image\s+1\s+1\s", images);
        }
        finally
        {
            File.Delete(logo);
        }
    }

    [Fact]
    public void A_missing_logo_is_reported_by_its_path()
    {
        var model = ReportSamples.Create(3);
        model = model with { Letterhead = model.Letterhead with { LogoPath = "/nonexistent/logo.png" } };

        var error = Assert.Throws<FileNotFoundException>(() => _renderer.Render(model));

        Assert.Contains("/nonexistent/logo.png", error.Message, StringComparison.Ordinal);
    }

    private const string OnePixelPng =
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYGAAAAAEAAH2FzhVAAAAAElFTkSuQmCC";

    private static void AssertWordsInOrder(string phrase, string text)
    {
        var pattern = string.Join(@"[\s\S]*?", phrase.Split(' ').Select(Regex.Escape));
        Assert.True(Regex.IsMatch(text, pattern), $"'{phrase}' should be printed (possibly wrapped).");
    }

    private static int Count(string text, string value) => Regex.Matches(text, Regex.Escape(value)).Count;

    private static string WriteTemp(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"kinerjabot-info-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        return path;
    }
}
