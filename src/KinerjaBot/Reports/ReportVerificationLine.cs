using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace KinerjaBot.Reports;

/// <summary>
/// What a signed report says about itself, in the QR code beside the signature and in the PDF's metadata:
/// <c>KINERJABOT-VERIFIKASI v1|kantor=…|periode=…|revisi=…|nomor=…|sha256-data=…</c>. Plain keyed text, so a phone
/// that scans a printed copy shows something a person can read out to the operator, and <c>verify</c> can parse it.
/// </summary>
public sealed record ReportVerificationLine(string OfficeId, string PeriodId, int Revision, string DocumentNumber, string DataSha256)
{
    /// <summary>Starts every line; also how <c>verify</c> finds the line inside a PDF's bytes.</summary>
    public const string Marker = "KINERJABOT-VERIFIKASI v1";

    public override string ToString()
    {
        foreach (var value in new[] { OfficeId, PeriodId, DocumentNumber, DataSha256 })
        {
            // The line is split on '|'; a PDF literal string would need '(' ')' '\' escaped, which the byte scan does not undo.
            if (value.Length == 0 || value.IndexOfAny(['|', '\n', '\r', '(', ')', '\\']) >= 0 || value.Any(c => c > '~' || c < ' '))
            {
                throw new ArgumentException($"'{value}' cannot be put in a verification line: it must be printable ASCII without | ( ) or \\.");
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{Marker}|kantor={OfficeId}|periode={PeriodId}|revisi={Revision}|nomor={DocumentNumber}|sha256-data={DataSha256}");
    }

    public static bool TryParse(string? text, [NotNullWhen(true)] out ReportVerificationLine? line)
    {
        line = null;
        var parts = text?.Trim().Split('|');
        if (parts is null || parts.Length != 6 || parts[0] != Marker)
        {
            return false;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in parts.Skip(1))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !fields.TryAdd(part[..equals], part[(equals + 1)..]))
            {
                return false;
            }
        }

        if (!fields.TryGetValue("kantor", out var office) || !fields.TryGetValue("periode", out var period)
            || !fields.TryGetValue("revisi", out var revisionText) || !fields.TryGetValue("nomor", out var number)
            || !fields.TryGetValue("sha256-data", out var hash)
            || !int.TryParse(revisionText, NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            || hash.Length != 64 || !hash.All(Uri.IsHexDigit))
        {
            return false;
        }

        line = new ReportVerificationLine(office, period, revision, number, hash);
        return true;
    }
}
