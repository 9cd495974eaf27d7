using KinerjaBot.Reports;
using KinerjaBot.Reports.Pdf;
using KinerjaBot.Tests.Reports.Pdf;
using KinerjaBot.Tests.Support;

namespace KinerjaBot.Tests.Reports;

public sealed class ReportVerifierTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ReportArchiveFixture _archive;
    private readonly ReportVerifier _verifier;

    public ReportVerifierTests()
    {
        _archive = ReportArchiveFixture.Create(_temp.Combine("data"));
        _verifier = new ReportVerifier(_temp.Combine("data"));
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_archived_signed_file_is_verified_and_named_by_office_period_and_revision()
    {
        var result = _verifier.VerifyFile(_archive.Pdf);

        Assert.Equal(ReportVerificationStatus.Verified, result.Status);
        Assert.Equal(("kec-contoh", "2026-TW3", 1), (result.OfficeId, result.PeriodId, result.Revision));
        Assert.Equal(_archive.PdfPath, result.ArchivedPath);
        Assert.Equal(result.ArchivedSha256, result.FileSha256);
        Assert.Equal("050/123/KEC.CTH/2026", result.Claimed!.DocumentNumber);
    }

    [Fact]
    public void A_copy_with_one_changed_byte_is_refused_as_altered_and_still_says_what_it_claims_to_be()
    {
        var copy = _archive.Pdf.ToArray();
        copy[copy.Length / 3] ^= 0x20;

        var result = _verifier.VerifyFile(copy);

        Assert.Equal(ReportVerificationStatus.Altered, result.Status);
        Assert.Equal(("kec-contoh", "2026-TW3", 1), (result.OfficeId, result.PeriodId, result.Revision));
        Assert.NotEqual(result.ArchivedSha256, result.FileSha256);
    }

    [Fact]
    public void A_draft_or_a_pdf_from_another_archive_is_unknown()
    {
        var draft = new ReportPdfRenderer().Render(ReportSamples.Create(6) with { VerificationLine = null });
        var other = new ReportPdfRenderer().Render(ReportSamples.Create(6) with
        {
            VerificationLine = new ReportVerificationLine("kec-lain", "2026-TW3", 1, "X/1", ReportSamples.SampleHash).ToString(),
        });

        Assert.Equal(ReportVerificationStatus.Unknown, _verifier.VerifyFile(draft).Status);
        var result = _verifier.VerifyFile(other);
        Assert.Equal(ReportVerificationStatus.Unknown, result.Status);
        Assert.Equal("kec-lain", result.Claimed!.OfficeId);
    }

    [Fact]
    public void A_scanned_code_is_verified_only_when_it_is_exactly_the_archived_reports_code()
    {
        var parsed = ReportVerificationLine.TryParse(_archive.Line, out var line);
        Assert.True(parsed);

        Assert.Equal(ReportVerificationStatus.Verified, _verifier.VerifyLine(_archive.Line).Status);
        Assert.Equal(ReportVerificationStatus.Altered, _verifier.VerifyLine((line! with { DataSha256 = new string('0', 64) }).ToString()).Status);
        Assert.Equal(ReportVerificationStatus.Unknown, _verifier.VerifyLine((line with { Revision = 2 }).ToString()).Status);
        Assert.Equal(ReportVerificationStatus.Unknown, _verifier.VerifyLine("bukan kode").Status);
    }

    [Fact]
    public void The_verification_line_reads_as_keyed_text_and_parses_back_to_the_same_values()
    {
        var line = new ReportVerificationLine("kec-sukamaju", "2026-TW3", 2, "KEC-SUKAMAJU/2026-TW3/REV-2", ReportSamples.SampleHash);

        var text = line.ToString();

        Assert.Equal($"KINERJABOT-VERIFIKASI v1|kantor=kec-sukamaju|periode=2026-TW3|revisi=2|nomor=KEC-SUKAMAJU/2026-TW3/REV-2|sha256-data={ReportSamples.SampleHash}", text);
        Assert.True(ReportVerificationLine.TryParse(text, out var back));
        Assert.Equal(line, back);
        Assert.Throws<ArgumentException>(() => (line with { DocumentNumber = "A|B" }).ToString());
    }
}
