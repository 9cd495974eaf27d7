namespace KinerjaBot.Configuration;

/// <summary>
/// Reads an official's optional <c>salutation: Bapak|Ibu</c>. Kept out of <see cref="OfficeYamlReader"/> so that file
/// stays readable; without the key the bot keeps the neutral "Bapak/Ibu".
/// </summary>
internal static class SalutationReader
{
    private static readonly string[] Known = ["Bapak", "Ibu"];

    public static string Read(YamlSection item, string what)
    {
        var text = item.OptionalString("salutation", what, "Bapak");
        if (text is null)
        {
            return Official.DefaultSalutation;
        }

        // "bapak" or "IBU" is still clear; "Pak", "Bu" or "Sdr." are not what the letter forms use, so they are refused.
        if (Known.FirstOrDefault(k => string.Equals(k, text, StringComparison.OrdinalIgnoreCase)) is { } known)
        {
            return known;
        }

        item.Report(item.Find("salutation"), $"{what} has salutation '{text}', which is not known", "write 'salutation: Bapak' or 'salutation: Ibu', or leave the line out for 'Bapak/Ibu'");
        return Official.DefaultSalutation;
    }
}
