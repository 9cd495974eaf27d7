namespace KinerjaBot.Reports;

/// <summary>
/// The answer to "is this the signed report?": the status, what the file or line claims, and what the archive holds.
/// Channel-neutral, so the console's <c>verify</c> and a chat command word it each in their own language.
/// </summary>
public sealed record ReportVerification
{
    public required ReportVerificationStatus Status { get; init; }

    /// <summary>The verification line read from the file or given; null when the file carries none.</summary>
    public ReportVerificationLine? Claimed { get; init; }

    /// <summary>SHA-256 (hex) of the file checked; null when a line was checked.</summary>
    public string? FileSha256 { get; init; }

    /// <summary>The archived signed PDF it was compared with; null when the archive has none to compare.</summary>
    public string? ArchivedPath { get; init; }

    /// <summary>The archived PDF's SHA-256 as its <c>.sha256</c> file records it at signing.</summary>
    public string? ArchivedSha256 { get; init; }

    public string? OfficeId { get; init; }

    public string? PeriodId { get; init; }

    public int? Revision { get; init; }
}
