using System.Text;
using KinerjaBot.Reports;

namespace KinerjaBot.Hosting;

/// <summary>The <c>verify</c> command's answer for the operator's console (English, like every console message).</summary>
public static class VerificationConsoleText
{
    public static string Describe(ReportVerification result, bool checkedLine, string archiveFolder)
    {
        var text = new StringBuilder();
        var what = result.OfficeId is null ? "" : $"office {result.OfficeId}, period {result.PeriodId}, revision {result.Revision}";
        switch (result.Status)
        {
            case ReportVerificationStatus.Verified when checkedLine:
                text.AppendLine($"VERIFIED: this code belongs to the signed, archived report ({what}).");
                text.AppendLine("The code proves which report the printed copy claims to be, not that its figures are unchanged: compare the printed pages with the archived PDF.");
                break;
            case ReportVerificationStatus.Verified:
                text.AppendLine($"VERIFIED: this file is exactly the signed, archived report ({what}).");
                break;
            case ReportVerificationStatus.Altered when checkedLine:
                text.AppendLine($"NOT VERIFIED: this code names the signed report ({what}) but does not match it (document number or data hash differ). The printed copy is not that report as signed.");
                break;
            case ReportVerificationStatus.Altered:
                text.AppendLine($"NOT VERIFIED: this file claims to be the signed report ({what}) but it is not the archived file: its bytes differ, so it was changed after signing (even one byte counts).");
                text.AppendLine("Use the archived copy instead.");
                break;
            default:
                text.AppendLine(checkedLine
                    ? "NOT VERIFIED: no signed report in this archive has this code."
                    : "NOT VERIFIED: this file is not a signed report in this archive (it may be a draft, a report from another data folder, or a changed copy).");
                if (result.Claimed is { } claimed)
                {
                    text.AppendLine($"It claims to be office {claimed.OfficeId}, period {claimed.PeriodId}, revision {claimed.Revision}, which this archive has no signed copy of.");
                }

                break;
        }

        if (result.Claimed is { } line)
        {
            text.AppendLine($"  document number: {line.DocumentNumber}");
            text.AppendLine($"  data SHA-256:    {line.DataSha256}");
        }

        if (result.FileSha256 is not null)
        {
            text.AppendLine($"  file SHA-256:    {result.FileSha256}");
        }

        if (result.ArchivedPath is not null)
        {
            text.AppendLine($"  archived file:   {result.ArchivedPath}");
            text.AppendLine($"  archived SHA-256 (recorded at signing): {result.ArchivedSha256}");
        }

        text.AppendLine($"  archive checked: {archiveFolder} (KinerjaBot:DataDirectory)");
        return text.ToString();
    }
}
