using System.Security.Cryptography;
using System.Text;
using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Reports.Pdf;
using KinerjaBot.Storage;
using KinerjaBot.Workflow;

namespace KinerjaBot.Reports;

/// <summary>
/// Maps a period's verified data, the chain's paraf records and the head's details to the printable
/// <see cref="ReportDocumentModel"/>: every number in Indonesian format, every date in the office's time zone.
/// </summary>
public sealed class ReportModelBuilder(OfficeConfiguration office, RatingBands ratings)
{
    public async Task<ReportDocumentModel> BuildAsync(StoreTransaction transaction, WorkflowInstance report, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var period = Period.Parse(report.PeriodId);
        var sections = new List<ReportUnitSection>();
        var hashInput = new StringBuilder($"{office.Office.Id}|{period.Id}|{report.Revision}\n");
        var number = 1;
        var breakdown = new ReportBreakdown(office, period);
        foreach (var unit in office.UnitsReporting(period))
        {
            var submission = await transaction.Workflows.FindAsync(WorkflowKind.UnitSubmission, period.Id, unit.Id, cancellationToken);
            var values = submission is null ? new Dictionary<string, StoredValue>() : await transaction.Values.CurrentAsync(submission.Id, cancellationToken);
            var rows = new List<ReportRow>();
            var lowerValues = await breakdown.LoadAsync(transaction, unit.Id, cancellationToken);
            foreach (var indicator in office.IndicatorsFor(unit.Id, period))
            {
                var target = indicator.TargetFor(period);
                var value = values.GetValueOrDefault(indicator.Code);
                rows.Add(IndicatorReportRow.Create(number++, indicator, target, value, ratings) with { Breakdown = breakdown.Row(indicator, lowerValues) });
                hashInput.Append(IndicatorReportRow.HashLine(indicator, value));
            }

            // A draft fetched while units are still filling or fixing must not pass for checked data.
            var unverified = submission?.State != UnitSubmissionWorkflow.Verified;
            sections.Add(new ReportUnitSection { UnitName = unverified ? $"{unit.Name} (belum terverifikasi)" : unit.Name, Rows = rows });
        }

        var (parafs, signature) = await ChainRecordsAsync(transaction, report, cancellationToken);
        var documentNumber = $"{office.Office.Id.ToUpperInvariant()}/{period.Id}/REV-{report.Revision}";
        var dataHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(hashInput.ToString())));
        return new ReportDocumentModel
        {
            Letterhead = OfficeDocumentParts.Letterhead(office),
            Title = $"DATA KINERJA {office.Office.Name.ToUpperInvariant()} {period.DisplayName.ToUpperInvariant()}",
            DocumentNumber = documentNumber,
            DataHash = dataHash,
            VerificationLine = new ReportVerificationLine(office.Office.Id, period.Id, report.Revision, documentNumber, dataHash).ToString(),
            RevisionLabel = report.Revision > 1 ? $"Revisi ke-{report.Revision}" : null,
            Units = sections,
            PeriodId = period.Id,
            BreakdownHeaders = breakdown.Headers,
            BreakdownPeriods = breakdown.Periods,

            // The annual report shows each sasaran's quarters at a glance too (issue 14: "rather look than read").
            Charts = period.Kind == PeriodKind.Year ? await SasaranCharts.BuildAsync(transaction, office, period, cancellationToken) : [],
            Parafs = parafs,
            Signature = OfficeDocumentParts.HeadSignature(office, signature?.AtUtc ?? now, signature),
            Author = office.Office.Name,
        };
    }

    /// <summary>
    /// The paraf given in the current pass through the chain (after the report last opened), one per stage, and the
    /// signature (who signed, when, and for whom when a stand-in did). A return to an earlier stage voids the approvals from that stage on: they are given again.
    /// </summary>
    private async Task<(IReadOnlyList<ParafRecord> Parafs, AuditEntry? Signature)> ChainRecordsAsync(StoreTransaction transaction, WorkflowInstance report, CancellationToken cancellationToken)
    {
        var audit = await transaction.Audit.ForInstanceAsync(report.Id, cancellationToken);
        var lastOpened = audit.Select((entry, index) => (entry, index)).LastOrDefault(e => e.entry.Trigger == WorkflowTrigger.OpenReport).index;
        var stages = OfficeReportWorkflow.StageStates(office).ToList();
        var approvals = new SortedDictionary<int, AuditEntry>();
        foreach (var entry in audit.Skip(lastOpened))
        {
            var from = stages.IndexOf(entry.From);
            if (entry.Trigger == WorkflowTrigger.Approve && from >= 0)
            {
                approvals[from] = entry;
            }
            else if (entry.Trigger == WorkflowTrigger.ReturnToPrevious && stages.IndexOf(entry.To) is var to and >= 0)
            {
                foreach (var voided in approvals.Keys.Where(k => k >= to).ToList())
                {
                    approvals.Remove(voided);
                }
            }
        }

        // One row per chain official before the head, given or not: the printed copy has a box for each one's wet
        // initials, and a draft shows whose paraf is still to come.
        var parafs = new List<ParafRecord>();
        AuditEntry? signature = null;
        for (var index = 0; index < office.Chain.Count; index++)
        {
            var given = approvals.GetValueOrDefault(index);
            if (office.Chain[index].Kind == ChainStageKind.Sign)
            {
                signature = given ?? signature;
                continue;
            }

            var official = office.Official(given?.ActorId ?? office.Chain[index].OfficialId);
            var at = given is null ? string.Empty : IndonesianFormat.DateTime(given.AtUtc, office.Office.TimeZone);
            parafs.Add(new ParafRecord { Name = official.Name, Position = given?.ActingFor?.TitleFor(office) ?? official.Position, SignedAt = at });
        }

        return (parafs, signature);
    }
}
