namespace KinerjaBot.Reports;

/// <summary>A signed report's PDF in the archive and its SHA-256 (hex).</summary>
public sealed record ArchivedReport(string Path, string Sha256);
