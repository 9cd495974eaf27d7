using KinerjaBot.Domain;

namespace KinerjaBot.Configuration;

/// <summary>
/// A person in the office roster. <see cref="Phone"/> is normalised to <c>62…</c>; <see cref="Salutation"/> is
/// "Bapak", "Ibu" or, when office.yaml does not say, <see cref="DefaultSalutation"/>.
/// </summary>
public sealed record Official(string Id, string Name, string Position, string Rank, string Nip, string Phone, string Salutation = Official.DefaultSalutation)
{
    /// <summary>The one channel this official may register on (<c>channel:</c> in office.yaml); null: whichever they used last.</summary>
    public ChatChannel? Channel { get; init; }

    public const string DefaultSalutation = "Bapak/Ibu";

    /// <summary>How the bot addresses this official by name: "Ibu Siti Nurhaliza, S.STP.".</summary>
    public string Addressed => $"{Salutation} {Name}";
}
