using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Reports.Pdf;
using KinerjaBot.Workflow;

namespace KinerjaBot.Reports;

/// <summary>The parts every office document prints the same way: the kop surat and the head's signature block.</summary>
internal static class OfficeDocumentParts
{
    public static ReportLetterhead Letterhead(OfficeConfiguration office) => new()
    {
        GovernmentLine = office.Office.Government.ToUpperInvariant(),
        OfficeName = office.Office.Name.ToUpperInvariant(),
        Address = office.Office.Address,
        LogoPath = office.Office.LogoPath,
    };

    /// <summary>
    /// "Sukamaju, 8 Oktober 2026" (the day <paramref name="at"/> falls on in the office) above the head's name, rank and
    /// NIP; when <paramref name="signature"/> was given by a Plt. / Plh., their own name, rank and NIP under "Plh. Camat …".
    /// </summary>
    public static SignatureBlock HeadSignature(OfficeConfiguration office, DateTimeOffset at, AuditEntry? signature = null)
    {
        var head = office.Official(signature is { ActingFor: not null } ? signature.ActorId : office.Roles.HeadId);
        return new SignatureBlock
        {
            PlaceAndDate = $"{office.Office.City}, {IndonesianFormat.Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, office.Office.TimeZone).DateTime))}",
            Position = signature?.ActingFor?.TitleFor(office) ?? head.Position,
            Name = head.Name,
            Rank = head.Rank,
            Nip = Nip.Group(head.Nip),
        };
    }

    /// <summary>Written to a temporary name and moved, so a crash never leaves half a file under the final name.</summary>
    public static async Task WriteAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
