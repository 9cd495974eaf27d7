using System.ComponentModel.DataAnnotations;

namespace KinerjaBot.Hosting;

/// <summary>The <c>KinerjaBot</c> settings section (appsettings.json, or environment variables like <c>KinerjaBot__DataDirectory</c>).</summary>
public sealed class KinerjaBotOptions
{
    public const string SectionName = "KinerjaBot";

    /// <summary>Folder with office.yaml and indicators.yaml.</summary>
    [Required(AllowEmptyStrings = false)]
    public string ConfigDirectory { get; set; } = "config";

    /// <summary>Folder for the SQLite file, evidence files and archived PDFs; created if missing.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// Where users can get this bot's source code; /tentang shows it. The MIT licence does not require it, but an
    /// office's officials should be able to see what runs their data, so an operator points this at their copy.
    /// </summary>
    public string? SourceUrl { get; set; }
}
