namespace KinerjaBot.Reports;

/// <summary>What <see cref="ReportVerifier"/> found.</summary>
public enum ReportVerificationStatus
{
    /// <summary>A file: byte for byte the signed PDF in the archive. A line: exactly the code of a signed, archived report.</summary>
    Verified,

    /// <summary>It names a signed, archived report (office, period, revision) but differs from it: changed since signing.</summary>
    Altered,

    /// <summary>Neither its bytes nor its verification line match a signed report in this archive (a draft, another archive, a forgery).</summary>
    Unknown,
}
