namespace KinerjaBot.Configuration;

/// <summary>In whose place, and as what (Plt. or Plh.), an official acted: what the audit and the PDF keep of an assignment.</summary>
public sealed record ActingCapacity(string AbsentId, ActingKind Kind)
{
    /// <summary>"Plh." or "Plt.", as written before the absent official's position.</summary>
    public string Prefix => Kind == ActingKind.Plt ? "Plt." : "Plh.";

    /// <summary>The position the stand-in signs under: "Plh. Camat Sukamaju".</summary>
    public string TitleFor(OfficeConfiguration office) => $"{Prefix} {office.Official(AbsentId).Position}";
}
