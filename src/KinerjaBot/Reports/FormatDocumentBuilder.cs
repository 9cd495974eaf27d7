using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Reports.Pdf;
using KinerjaBot.Workflow;

namespace KinerjaBot.Reports;

/// <summary>
/// Maps a period's format (the indicators per unit from indicators.yaml, their satuan and targets, the fill deadline)
/// and the approval's audit to the printable format, laid out like the report with empty realisation columns, and to
/// the notification letter that goes out with it.
/// </summary>
public sealed class FormatDocumentBuilder(OfficeConfiguration office)
{
    /// <summary>
    /// The format of <paramref name="format"/>'s period. <paramref name="letterNumber"/> and <paramref name="fillDeadline"/>
    /// are null for a draft: the deadline is fixed, and the letter numbered, only when the head signs.
    /// </summary>
    public ReportDocumentModel BuildFormat(WorkflowInstance format, IReadOnlyList<AuditEntry> audit, string? letterNumber, DateTimeOffset? fillDeadline, DateTimeOffset now)
    {
        var period = Period.Parse(format.PeriodId);
        var hashInput = new StringBuilder($"format|{office.Office.Id}|{period.Id}|{format.Revision}\n");
        var sections = new List<ReportUnitSection>();
        var number = 1;
        foreach (var unit in office.UnitsReporting(period))
        {
            var rows = new List<ReportRow>();
            foreach (var indicator in office.IndicatorsFor(unit.Id, period))
            {
                var target = indicator.TargetFor(period);
                rows.Add(new ReportRow
                {
                    Number = (number++).ToString(CultureInfo.InvariantCulture),
                    IndicatorName = $"{indicator.Code} {indicator.Name}",
                    Measure = indicator.Measure,
                    Target = target is { } t ? IndonesianFormat.Number(t) : IndonesianFormat.NoValue,
                    Realisation = string.Empty,
                    Achievement = string.Empty,
                    LowerIsBetter = indicator.Polarity == Polarity.Lower,
                    Remark = indicator.Evidence == EvidenceRule.Required ? "Wajib melampirkan bukti" : string.Empty,
                });
                hashInput.Append(CultureInfo.InvariantCulture, $"{unit.Id}|{indicator.Code}|{indicator.Name}|{indicator.Measure}|{target}\n");
            }

            sections.Add(new ReportUnitSection { UnitName = unit.Name, Rows = rows });
        }

        var pass = FormatApprovalWorkflow.CurrentPass(audit);
        var zone = office.Office.TimeZone;
        var parafs = new[] { (FormatApprovalWorkflow.Review, office.Roles.PlanningId), (FormatApprovalWorkflow.Paraf, office.Roles.SecretaryId) }
            .Select(step =>
            {
                var given = pass.LastOrDefault(e => e.Trigger == WorkflowTrigger.Approve && e.From == step.Item1);
                var official = office.Official(given?.ActorId ?? step.Item2);
                return new ParafRecord { Name = official.Name, Position = given?.ActingFor?.TitleFor(office) ?? official.Position, SignedAt = given is null ? string.Empty : IndonesianFormat.DateTime(given.AtUtc, zone) };
            })
            .ToList();
        var signature = SignatureOf(audit);
        var title = $"FORMAT DATA KINERJA {office.Office.Name.ToUpperInvariant()} {period.DisplayName.ToUpperInvariant()}";
        return new ReportDocumentModel
        {
            Letterhead = OfficeDocumentParts.Letterhead(office),
            Title = letterNumber is null ? $"DRAF {title}" : title,
            DocumentNumber = letterNumber is null ? $"{office.Office.Id.ToUpperInvariant()}/{period.Id}/FORMAT-{format.Revision}" : $"Lampiran Surat Nomor {letterNumber}",
            DataHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(hashInput.ToString()))),
            RevisionLabel = format.Revision > 1 ? $"Perbaikan ke-{format.Revision - 1}" : null,
            Notes = [fillDeadline is { } due
                ? $"Batas waktu pengisian: {IndonesianFormat.DateTime(due, zone)}"
                : $"Batas waktu pengisian: {FillDuration()} sejak format ini ditandatangani"],
            Units = sections,
            Parafs = parafs,
            Signature = OfficeDocumentParts.HeadSignature(office, signature?.AtUtc ?? now, signature),
            Author = office.Office.Name,
        };
    }

    /// <summary>The "Surat Pemberitahuan" of a signed format: numbered, addressed to every reporting unit's head, with the deadline.</summary>
    public NotificationLetterModel BuildLetter(WorkflowInstance format, IReadOnlyList<AuditEntry> audit, string letterNumber, DateTimeOffset signedAt, DateTimeOffset fillDeadline)
    {
        // A Plt. / Plh. who signed the format signs the letter too, under the head's position with their own name.
        var signature = SignatureOf(audit);
        var period = Period.Parse(format.PeriodId);
        var units = office.UnitsReporting(period);
        var perihal = $"Pemberitahuan Pengumpulan Data Kinerja {period.DisplayName}";
        return new NotificationLetterModel
        {
            Letterhead = OfficeDocumentParts.Letterhead(office),
            Title = $"Surat {perihal}",
            PlaceAndDate = OfficeDocumentParts.HeadSignature(office, signedAt).PlaceAndDate,
            Number = letterNumber,
            Sifat = office.FormatApproval.Sifat,
            Lampiran = "1 (satu) berkas format data kinerja",
            Perihal = perihal,
            Recipients = [.. units.Select(u => $"Kepala {u.Name}")],
            Paragraphs =
            [
                $"Dalam rangka pengumpulan data kinerja {office.Office.Name} {period.DisplayName}, bersama ini kami sampaikan format data kinerja sebagaimana terlampir.",
                $"Sehubungan dengan hal tersebut, dimohon Saudara mengisi realisasi setiap indikator unit kerja Saudara melalui KinerjaBot paling lambat {IndonesianFormat.DateTime(fillDeadline, office.Office.TimeZone)}, disertai bukti dukung bila diminta.",
                "Demikian disampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.",
            ],
            // The letter's place and date stand above its head (PlaceAndDate), not again over the signature.
            Signature = OfficeDocumentParts.HeadSignature(office, signedAt, signature) with { PlaceAndDate = string.Empty },
            Author = office.Office.Name,
        };
    }

    private static AuditEntry? SignatureOf(IReadOnlyList<AuditEntry> audit) =>
        FormatApprovalWorkflow.CurrentPass(audit).LastOrDefault(e => e.Trigger == WorkflowTrigger.Approve && e.From == FormatApprovalWorkflow.Signature);

    private string FillDuration()
    {
        var fill = office.Deadlines.Fill;
        return fill.WorkingDays > 0 ? $"{fill.WorkingDays} hari kerja" : fill.ToString();
    }
}
