namespace KinerjaBot.Reports.Pdf;

/// <summary>The head of office's signature block, printed at the right under the table.</summary>
public sealed record SignatureBlock
{
    /// <summary>"Contoh, 8 Oktober 2026".</summary>
    public required string PlaceAndDate { get; init; }

    /// <summary>Jabatan, e.g. "Camat Contoh".</summary>
    public required string Position { get; init; }

    /// <summary>Printed bold and underlined under the space left for the signature.</summary>
    public required string Name { get; init; }

    /// <summary>Pangkat, e.g. "Pembina Tingkat I".</summary>
    public required string Rank { get; init; }

    /// <summary>NIP already grouped: "19670701 199209 1 001" (printed as "NIP. …").</summary>
    public required string Nip { get; init; }
}
